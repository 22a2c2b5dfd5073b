// libFuzzer target: parse_client_message on arbitrary bytes. It must never crash, and what it returns must
// keep to shared/protocol.md: an accepted command holds exactly what the message said, within its limits;
// a refusal is one of the protocol's codes and renders as a valid `error` carrying the message's `ref`.
#include <cstdint>
#include <map>
#include <string>
#include <type_traits>
#include <variant>

#include "app/protocol.hpp"
#include "app/views.hpp"
#include "check.hpp"
#include "domain/text.hpp"

namespace {

using namespace ensemble;
using fuzz::same_integer;
using nlohmann::json;

// The position of T in domain::Command.
template <class T, std::size_t I = 0>
constexpr std::size_t index_of() {
    if constexpr (std::is_same_v<std::variant_alternative_t<I, domain::Command>, T>)
        return I;
    else
        return index_of<T, I + 1>();
}

// Every type a browser may send, with the command it becomes.
const std::map<std::string, std::size_t> wire_types = {
    {"chat", index_of<domain::PostChat>()},
    {"leave", index_of<domain::Leave>()},
    {"start_event", index_of<domain::StartEvent>()},
    {"next_round", index_of<domain::NextRound>()},
    {"end_round", index_of<domain::EndRound>()},
    {"extend_round", index_of<domain::ExtendRound>()},
    {"broadcast", index_of<domain::Broadcast>()},
    {"move_attendee", index_of<domain::MoveAttendee>()},
    {"remove_attendee", index_of<domain::RemoveAttendee>()},
    {"merge_attendees", index_of<domain::MergeAttendees>()},
    {"pause", index_of<domain::PauseRotation>()},
    {"resume", index_of<domain::ResumeRotation>()},
    {"end_event", index_of<domain::EndEvent>()},
    {"create_host_link", index_of<domain::CreateHostLink>()},
    {"revoke_host_link", index_of<domain::RevokeHostLink>()},
    {"create_staff_link", index_of<domain::CreateHostLink>()},
    {"revoke_staff_link", index_of<domain::RevokeHostLink>()},
    {"talked", index_of<domain::AnswerTalked>()},
    {"keep_in_touch", index_of<domain::WishContact>()},
    {"rate_table", index_of<domain::RateTable>()},
    {"visibility", index_of<domain::SetVisibility>()},
    {"video_opened", index_of<domain::OpenVideo>()},
    {"erase_attendee", index_of<domain::EraseAttendee>()},
    {"purpose", index_of<domain::SetPurpose>()},
    {"set_round_kind", index_of<domain::SetRoundKind>()},
    {"propose_topic_table", index_of<domain::ProposeTopicTable>()},
    {"choose_topic_table", index_of<domain::ChooseTopicTable>()},
    {"open_topic_table", index_of<domain::OpenTopicTable>()},
    {"close_topic_table", index_of<domain::CloseTopicTable>()},
};

// A field of the message, null when absent.
json field(const json& m, const char* name) { return m.contains(name) ? m.at(name) : json(nullptr); }

// An accepted text: trimmed, 1 to 1000 valid code points, and what the message held once trimmed.
void check_text(const std::string& text, const json& message) {
    FUZZ_CHECK(domain::trimmed(text) == text, "accepted text is trimmed");
    FUZZ_CHECK(!domain::text_problem(text, 1, 1000), "accepted text is 1 to 1000 valid characters");
    json sent = field(message, "text");
    FUZZ_CHECK(sent.is_string() && domain::trimmed(sent.get<std::string>()) == text,
               "accepted text is the message's");
}

void check_command(const domain::Command& command, const std::string& type, const json& m) {
    auto expected = wire_types.find(type);
    FUZZ_CHECK(expected != wire_types.end(), "only a known type is accepted");
    FUZZ_CHECK(command.index() == expected->second, "the command is the one its type names");
    if (auto* chat = std::get_if<domain::PostChat>(&command)) check_text(chat->text, m);
    if (auto* broadcast = std::get_if<domain::Broadcast>(&command)) check_text(broadcast->text, m);
    if (auto* extend = std::get_if<domain::ExtendRound>(&command)) {
        FUZZ_CHECK(extend->minutes >= 1 && extend->minutes <= 60, "minutes are 1 to 60");
        FUZZ_CHECK(same_integer(field(m, "minutes"), extend->minutes), "minutes are the message's");
    }
    if (auto* move = std::get_if<domain::MoveAttendee>(&command)) {
        FUZZ_CHECK(move->table >= 1 && move->table <= 100'000, "a table number is 1 to 100,000");
        FUZZ_CHECK(same_integer(field(m, "table"), move->table), "the table is the message's");
        FUZZ_CHECK(same_integer(field(m, "attendee_id"), move->attendee), "the attendee is the message's");
    }
    if (auto* remove = std::get_if<domain::RemoveAttendee>(&command))
        FUZZ_CHECK(same_integer(field(m, "attendee_id"), remove->attendee), "the attendee is the message's");
    if (auto* close = std::get_if<domain::CloseTopicTable>(&command))
        FUZZ_CHECK(close->table >= 1 && same_integer(field(m, "table"), close->table),
                   "the topic table is the message's");
    if (auto* choose = std::get_if<domain::ChooseTopicTable>(&command))
        FUZZ_CHECK(
            choose->table == 0 ? field(m, "table").is_null() : same_integer(field(m, "table"), choose->table),
            "the chosen topic table is the message's");
    if (auto* revoke = std::get_if<domain::RevokeHostLink>(&command))
        FUZZ_CHECK(same_integer(field(m, "link_id"), revoke->link), "the link is the message's");
    if (auto* merge = std::get_if<domain::MergeAttendees>(&command)) {
        FUZZ_CHECK(same_integer(field(m, "duplicate"), merge->duplicate), "the duplicate is the message's");
        FUZZ_CHECK(same_integer(field(m, "keep"), merge->keep), "the entry kept is the message's");
    }
}

// The accepted command, written back as the smallest message, reads back the same.
void check_round_trip(const domain::Command& command, const std::string& type) {
    json again = {{"type", type}};
    if (auto* chat = std::get_if<domain::PostChat>(&command)) again["text"] = chat->text;
    if (auto* broadcast = std::get_if<domain::Broadcast>(&command)) again["text"] = broadcast->text;
    if (auto* extend = std::get_if<domain::ExtendRound>(&command)) again["minutes"] = extend->minutes;
    if (auto* move = std::get_if<domain::MoveAttendee>(&command)) {
        again["attendee_id"] = move->attendee;
        again["table"] = move->table;
    }
    if (auto* remove = std::get_if<domain::RemoveAttendee>(&command)) again["attendee_id"] = remove->attendee;
    if (auto* merge = std::get_if<domain::MergeAttendees>(&command)) {
        again["duplicate"] = merge->duplicate;
        again["keep"] = merge->keep;
    }
    if (auto* create = std::get_if<domain::CreateHostLink>(&command)) again["name"] = create->name;
    if (auto* revoke = std::get_if<domain::RevokeHostLink>(&command)) again["link_id"] = revoke->link;
    if (auto* talked = std::get_if<domain::AnswerTalked>(&command)) {
        again["round"] = talked->round;
        again["about"] = talked->about;
        again["talked"] = talked->talked;
    }
    if (auto* wish = std::get_if<domain::WishContact>(&command)) {
        again["about"] = wish->about;
        again["wish"] = wish->wish;
    }
    if (auto* rate = std::get_if<domain::RateTable>(&command)) {
        again["round"] = rate->round;
        again["score"] = rate->score;
    }
    if (auto* visibility = std::get_if<domain::SetVisibility>(&command))
        again["visible"] = visibility->visible;
    if (auto* erase = std::get_if<domain::EraseAttendee>(&command)) again["attendee_id"] = erase->attendee;
    if (auto* choose = std::get_if<domain::ChooseTopicTable>(&command))
        again["table"] = choose->table ? json(choose->table) : json(nullptr);
    if (auto* close = std::get_if<domain::CloseTopicTable>(&command)) again["table"] = close->table;
    if (auto* open = std::get_if<domain::OpenTopicTable>(&command))
        again.update({{"topic", open->topic}, {"text", open->text}});
    if (auto* propose = std::get_if<domain::ProposeTopicTable>(&command))
        again.update({{"topic", propose->topic}, {"text", propose->text}});
    auto reread = app::parse_client_message(again.dump());
    FUZZ_CHECK(std::holds_alternative<domain::Command>(reread.body), "an accepted command reads back");
    const auto& second = std::get<domain::Command>(reread.body);
    FUZZ_CHECK(second.index() == command.index(), "it reads back as the same command");
    if (auto* chat = std::get_if<domain::PostChat>(&command))
        FUZZ_CHECK(std::get<domain::PostChat>(second).text == chat->text, "the same chat text");
    if (auto* extend = std::get_if<domain::ExtendRound>(&command))
        FUZZ_CHECK(std::get<domain::ExtendRound>(second).minutes == extend->minutes, "the same minutes");
    if (auto* move = std::get_if<domain::MoveAttendee>(&command)) {
        const auto& moved = std::get<domain::MoveAttendee>(second);
        FUZZ_CHECK(moved.attendee == move->attendee && moved.table == move->table, "the same move");
    }
    if (auto* broadcast = std::get_if<domain::Broadcast>(&command))
        FUZZ_CHECK(std::get<domain::Broadcast>(second).text == broadcast->text, "the same broadcast text");
    if (auto* remove = std::get_if<domain::RemoveAttendee>(&command))
        FUZZ_CHECK(std::get<domain::RemoveAttendee>(second).attendee == remove->attendee, "the same removal");
    if (auto* merge = std::get_if<domain::MergeAttendees>(&command)) {
        const auto& merged = std::get<domain::MergeAttendees>(second);
        FUZZ_CHECK(merged.duplicate == merge->duplicate && merged.keep == merge->keep, "the same merge");
    }
}

// A refusal renders as the protocol's `error`, with the message's ref.
void check_problem(const app::Problem& problem, const json& ref) {
    using domain::ErrorCode;
    FUZZ_CHECK(problem.code == ErrorCode::malformed_json || problem.code == ErrorCode::unknown_type ||
                   problem.code == ErrorCode::invalid_field,
               "the parser refuses with a parsing code only");
    FUZZ_CHECK(!problem.message.empty(), "a refusal says why");
    FUZZ_CHECK((problem.code == ErrorCode::invalid_field) == !problem.field.empty(),
               "invalid_field, and only it, names its field");
    json error = json::parse(app::error_message(problem, ref), nullptr, false);
    FUZZ_CHECK(error.is_object() && error["type"] == "error" && error["code"].is_string() &&
                   error["message"].is_string(),
               "the error is the protocol's");
    FUZZ_CHECK(ref.is_null() ? !error.contains("ref") : error["ref"] == ref, "the error repeats the ref");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    auto message = app::parse_client_message(text);

    // What the parser should have seen, read independently.
    json m = json::parse(text, nullptr, false);
    if (m.is_discarded() || !m.is_object()) {
        auto* problem = std::get_if<app::Problem>(&message.body);
        FUZZ_CHECK(problem && problem->code == domain::ErrorCode::malformed_json,
                   "anything but a JSON object is malformed_json");
        FUZZ_CHECK(message.ref.is_null(), "no ref without an object");
        FUZZ_CHECK(std::holds_alternative<app::Problem>(app::parse_hello(text)),
                   "no hello without an object");
        return 0;
    }
    auto ref = m.find("ref");
    bool has_ref = ref != m.end() && (ref->is_string() || ref->is_number());
    FUZZ_CHECK(has_ref ? message.ref == *ref : message.ref.is_null(), "ref is a string or number, as sent");
    auto type = m.find("type");
    std::string type_name = type != m.end() && type->is_string() ? type->get<std::string>() : "";
    FUZZ_CHECK(std::holds_alternative<app::Ping>(message.body) == (type_name == "ping"),
               "only a ping is a ping");
    // The first message of a connection: a token only from a hello with a string token within its limit.
    auto hello = app::parse_hello(text);
    if (auto* token = std::get_if<std::string>(&hello)) {
        FUZZ_CHECK(type_name == "hello" && !token->empty() && token->size() <= app::max_token_chars,
                   "a hello's token is a non-empty string within its limit");
        FUZZ_CHECK(m["token"] == *token, "the token as sent");
    }
    if (std::holds_alternative<app::Ping>(message.body)) return 0;
    auto* query = std::get_if<app::RoundTablesQuery>(&message.body);
    FUZZ_CHECK(!query || type_name == "round_tables", "only a round_tables asks for a round's tables");
    if (query) {
        FUZZ_CHECK(query->round >= 1 && same_integer(field(m, "round"), query->round),
                   "the round asked for is the message's, from 1");
        return 0;
    }

    if (auto* problem = std::get_if<app::Problem>(&message.body)) {
        check_problem(*problem, message.ref);
        return 0;
    }
    FUZZ_CHECK(type != m.end() && type->is_string(), "a command has a type");
    const auto& command = std::get<domain::Command>(message.body);
    check_command(command, type_name, m);
    check_round_trip(command, type_name);
    return 0;
}
