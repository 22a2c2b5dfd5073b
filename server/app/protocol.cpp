#include "app/protocol.hpp"

#include <limits>

#include "app/purpose_json.hpp"
#include "app/topic_tables_json.hpp"
#include "domain/text.hpp"

namespace ensemble::app {

Problem invalid(const std::string& field, const std::string& message) {
    return {domain::ErrorCode::invalid_field, message, field};
}

namespace {

using nlohmann::json;

std::variant<json, Problem> parse_object(std::string_view text) {
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object())
        return Problem{domain::ErrorCode::malformed_json, "expected a JSON object", ""};
    return value;
}

// A text field, trimmed and within its limits; absent counts as empty.
std::variant<std::string, Problem> text_field(const json& object, const char* field, std::size_t min,
                                              std::size_t max) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) {
        if (min == 0) return std::string{};
        return invalid(field, std::string(field) + " is required");
    }
    if (!it->is_string()) return invalid(field, std::string(field) + " must be a string");
    std::string text = domain::trimmed(it->get<std::string>());
    if (text.empty() && min == 0) return text;
    if (auto problem = domain::text_problem(text, std::max<std::size_t>(min, 1), max))
        return invalid(field, std::string(field) + " " + *problem);
    return text;
}

std::variant<std::int64_t, Problem> int_field(const json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end()) return invalid(field, std::string(field) + " is required");
    if (!it->is_number_integer()) return invalid(field, std::string(field) + " must be an integer");
    // Above 2^63 - 1, JSON holds it unsigned, and as int64 it would wrap to a small negative number.
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return invalid(field, std::string(field) + " is out of range");
    return it->get<std::int64_t>();
}

// Reads an optional integer setting into `target`, keeping the default when absent.
std::optional<Problem> read_int(const json& object, const char* field, int& target) {
    if (!object.contains(field)) return std::nullopt;
    auto value = int_field(object, field);
    if (auto* problem = std::get_if<Problem>(&value)) return *problem;
    auto number = std::get<std::int64_t>(value);
    if (number < -1'000'000 || number > 1'000'000)
        return invalid(field, std::string(field) + " is out of range");
    target = static_cast<int>(number);
    return std::nullopt;
}

std::variant<bool, Problem> bool_field(const json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || !it->is_boolean())
        return invalid(field, std::string(field) + " must be true or false");
    return it->get<bool>();
}

// A round, or an attendee id: a positive integer.
std::variant<std::int64_t, Problem> id_field(const json& object, const char* field) {
    auto value = int_field(object, field);
    if (auto* number = std::get_if<std::int64_t>(&value);
        number && (*number < 1 || *number > std::numeric_limits<int>::max()))
        return invalid(field, std::string(field) + " is out of range");
    return value;
}

template <typename T>
bool failed(const std::variant<T, Problem>& value, Problem& out) {
    if (auto* problem = std::get_if<Problem>(&value)) {
        out = *problem;
        return true;
    }
    return false;
}

std::variant<domain::Command, Problem> command_of(const std::string& type, const json& m) {
    if (auto topic = parse_topic_table_message(type, m)) return *topic;
    Problem problem;
    if (type == "chat") {
        auto text = text_field(m, "text", 1, 1000);
        if (failed(text, problem)) return problem;
        return domain::PostChat{std::get<std::string>(text)};
    }
    if (type == "broadcast") {
        auto text = text_field(m, "text", 1, 1000);
        if (failed(text, problem)) return problem;
        return domain::Broadcast{std::get<std::string>(text)};
    }
    if (type == "extend_round") {
        auto minutes = int_field(m, "minutes");
        if (failed(minutes, problem)) return problem;
        auto value = std::get<std::int64_t>(minutes);
        if (value < 1 || value > 60) return invalid("minutes", "minutes must be 1 to 60");
        return domain::ExtendRound{static_cast<int>(value)};
    }
    if (type == "move_attendee" || type == "remove_attendee") {
        auto attendee = int_field(m, "attendee_id");
        if (failed(attendee, problem)) return problem;
        if (type == "remove_attendee") return domain::RemoveAttendee{std::get<std::int64_t>(attendee)};
        auto table = int_field(m, "table");
        if (failed(table, problem)) return problem;
        auto number = std::get<std::int64_t>(table);
        if (number < 1 || number > 100'000) return invalid("table", "table must be a table number");
        return domain::MoveAttendee{std::get<std::int64_t>(attendee), static_cast<int>(number)};
    }
    if (type == "merge_attendees") {
        auto duplicate = int_field(m, "duplicate");
        if (failed(duplicate, problem)) return problem;
        auto keep = int_field(m, "keep");
        if (failed(keep, problem)) return problem;
        return domain::MergeAttendees{std::get<std::int64_t>(duplicate), std::get<std::int64_t>(keep)};
    }
    if (type == "erase_attendee") {
        auto attendee = int_field(m, "attendee_id");
        if (failed(attendee, problem)) return problem;
        return domain::EraseAttendee{std::get<std::int64_t>(attendee), ""};
    }
    if (type == "create_host_link") {
        auto name = text_field(m, "name", 1, max_name_chars);
        if (failed(name, problem)) return problem;
        return domain::CreateHostLink{std::get<std::string>(name), ""};
    }
    if (type == "create_staff_link") {
        auto name = text_field(m, "name", 1, max_name_chars);
        if (failed(name, problem)) return problem;
        return domain::CreateHostLink{std::get<std::string>(name), "", domain::LinkRole::staff};
    }
    if (type == "revoke_staff_link") {
        auto link = int_field(m, "link_id");
        if (failed(link, problem)) return problem;
        return domain::RevokeHostLink{std::get<std::int64_t>(link), domain::LinkRole::staff};
    }
    if (type == "revoke_host_link") {
        auto link = int_field(m, "link_id");
        if (failed(link, problem)) return problem;
        return domain::RevokeHostLink{std::get<std::int64_t>(link)};
    }
    if (type == "talked") {
        auto round = id_field(m, "round");
        if (failed(round, problem)) return problem;
        auto about = id_field(m, "about");
        if (failed(about, problem)) return problem;
        auto talked = bool_field(m, "talked");
        if (failed(talked, problem)) return problem;
        return domain::AnswerTalked{static_cast<int>(std::get<std::int64_t>(round)),
                                    std::get<std::int64_t>(about), std::get<bool>(talked)};
    }
    if (type == "keep_in_touch") {
        auto about = id_field(m, "about");
        if (failed(about, problem)) return problem;
        auto wish = bool_field(m, "wish");
        if (failed(wish, problem)) return problem;
        return domain::WishContact{std::get<std::int64_t>(about), std::get<bool>(wish)};
    }
    if (type == "rate_table") {
        auto round = id_field(m, "round");
        if (failed(round, problem)) return problem;
        auto score = int_field(m, "score");
        if (failed(score, problem)) return problem;
        auto value = std::get<std::int64_t>(score);
        if (value < 1 || value > 5) return invalid("score", "score must be 1 to 5");
        return domain::RateTable{static_cast<int>(std::get<std::int64_t>(round)), static_cast<int>(value)};
    }
    if (type == "visibility") {
        auto visible = bool_field(m, "visible");
        if (failed(visible, problem)) return problem;
        return domain::SetVisibility{std::get<bool>(visible)};
    }
    if (type == "purpose") {
        auto purpose = parse_purpose(m);
        if (failed(purpose, problem)) return problem;
        if (!m.contains("purpose")) return invalid("purpose", "purpose is required");
        return domain::SetPurpose{std::get<domain::Purpose>(purpose)};
    }
    if (type == "set_round_kind") {
        auto round = id_field(m, "round");
        if (failed(round, problem)) return problem;
        auto kind = parse_round_kind(m);
        if (failed(kind, problem)) return problem;
        return domain::SetRoundKind{static_cast<int>(std::get<std::int64_t>(round)),
                                    std::get<domain::RoundKind>(kind)};
    }
    if (type == "video_opened") return domain::OpenVideo{};
    if (type == "leave") return domain::Leave{};
    if (type == "start_event") return domain::StartEvent{};
    if (type == "next_round") return domain::NextRound{};
    if (type == "end_round") return domain::EndRound{};
    if (type == "pause") return domain::PauseRotation{};
    if (type == "resume") return domain::ResumeRotation{};
    if (type == "end_event") return domain::EndEvent{};
    return Problem{domain::ErrorCode::unknown_type, "unknown message type", ""};
}

// One @, something before it, a dot in the domain after it, no spaces: a typo is caught, not every address.
bool plausible_email(const std::string& text) {
    auto at = text.find('@');
    if (at == 0 || at == std::string::npos || text.find('@', at + 1) != std::string::npos) return false;
    auto dot = text.find('.', at + 2);
    if (dot == std::string::npos || dot + 1 >= text.size()) return false;
    for (unsigned char c : text)
        if (c <= ' ' || c == 0x7f) return false;
    return true;
}

bool plausible_phone(const std::string& text) {
    int digits = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (std::string_view(" +.-()").find(c) == std::string_view::npos)
            return false;
    }
    return digits >= 3;
}

}  // namespace

ClientMessage parse_client_message(std::string_view text) {
    ClientMessage message;
    auto parsed = parse_object(text);
    if (auto* problem = std::get_if<Problem>(&parsed)) {
        message.body = *problem;
        return message;
    }
    const json& m = std::get<json>(parsed);
    if (auto ref = m.find("ref"); ref != m.end() && (ref->is_string() || ref->is_number()))
        message.ref = *ref;
    auto type = m.find("type");
    if (type == m.end() || !type->is_string()) {
        message.body = invalid("type", "type is required");
        return message;
    }
    if (*type == "ping") {
        message.body = Ping{};
        return message;
    }
    if (*type == "round_tables") {
        auto round = int_field(m, "round");
        if (auto* problem = std::get_if<Problem>(&round))
            message.body = *problem;
        else if (auto number = std::get<std::int64_t>(round);
                 number < 1 || number > std::numeric_limits<int>::max())
            message.body = invalid("round", "round must be a round number");
        else
            message.body = RoundTablesQuery{static_cast<int>(number)};
        return message;
    }
    std::visit([&](auto&& body) { message.body = std::move(body); }, command_of(type->get<std::string>(), m));
    return message;
}

std::variant<std::string, Problem> parse_hello(std::string_view text) {
    auto parsed = parse_object(text);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    const json& m = std::get<json>(parsed);
    if (m.value("type", json()) != "hello")
        return Problem{domain::ErrorCode::unauthorized, "the first message must be a hello", ""};
    auto token = m.find("token");
    if (token == m.end() || !token->is_string() || token->get_ref<const std::string&>().empty() ||
        token->get_ref<const std::string&>().size() > max_token_chars)
        return Problem{domain::ErrorCode::unauthorized, "wrong token", ""};
    return token->get<std::string>();
}

std::variant<domain::EventSettings, Problem> parse_event_settings(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    const json& m = std::get<json>(parsed);
    domain::EventSettings settings;
    Problem problem;
    for (const auto& setting : domain::text_settings) {
        auto text = text_field(m, setting.name, setting.min_chars, setting.max_chars);
        if (failed(text, problem)) return problem;
        settings.*setting.field = std::get<std::string>(text);
    }
    for (const auto& setting : domain::int_settings)
        if (auto error = read_int(m, setting.name, settings.*setting.field)) return *error;
    // A lone table size widens its range to fit, so {"table_size": 6} just works.
    if (!m.contains("min_table_size"))
        settings.min_table_size = std::min(settings.min_table_size, settings.table_size);
    if (!m.contains("max_table_size"))
        settings.max_table_size = std::max(settings.max_table_size, settings.table_size);
    const auto& list = domain::prompts_setting;
    if (auto items = m.find(list.name); items != m.end() && !items->is_null()) {
        std::string must = std::string(list.name) + " must be a list of strings";
        if (!items->is_array()) return invalid(list.name, must);
        for (const auto& item : *items) {
            if (!item.is_string()) return invalid(list.name, must);
            auto text = domain::trimmed(item.get<std::string>());
            if (!text.empty()) (settings.*list.field).push_back(text);
        }
    }
    auto topics = parse_topics(m);
    if (failed(topics, problem)) return problem;
    settings.topics = std::get<std::vector<domain::Topic>>(topics);
    auto kinds = parse_round_kinds(m);
    if (failed(kinds, problem)) return problem;
    settings.round_kinds = std::get<std::vector<domain::RoundKind>>(kinds);
    if (auto error = domain::validate(settings)) return invalid(error->field, error->message);
    return settings;
}

std::variant<std::string, Problem> parse_host_name(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    return text_field(std::get<json>(parsed), "host_name", 0, max_name_chars);
}

std::variant<std::string, Problem> parse_series_title(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    static_assert(std::string_view(domain::text_settings[0].name) == "title");
    const auto& title = domain::text_settings[0];
    return text_field(std::get<json>(parsed), title.name, title.min_chars, title.max_chars);
}

std::variant<std::optional<SeriesClaim>, Problem> parse_series_claim(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    const json& m = std::get<json>(parsed);
    auto series = m.find("series");
    if (series == m.end() || series->is_null()) return std::optional<SeriesClaim>{};
    auto text = [&](const char* field) -> std::string {
        auto it = series->is_object() ? series->find(field) : series->end();
        return it != series->end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    SeriesClaim claim{text("id"), text("token")};
    if (claim.id.empty() || claim.id.size() > 64)
        return invalid("series", "series must be {\"id\", \"token\"} from the series link");
    if (claim.token.empty() || claim.token.size() > max_token_chars)
        return Problem{domain::ErrorCode::unauthorized, "wrong series link", "series"};
    return std::optional<SeriesClaim>{std::move(claim)};
}

std::variant<Profile, Problem> parse_profile(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return *problem;
    const json& m = std::get<json>(parsed);
    Problem problem;
    auto name = text_field(m, "name", 1, max_name_chars);
    if (failed(name, problem)) return problem;
    auto organisation = text_field(m, "organisation", 1, 120);
    if (failed(organisation, problem)) return problem;
    auto role = text_field(m, "role", 0, 80);
    if (failed(role, problem)) return problem;
    auto email = text_field(m, "email", 0, max_email_chars);
    if (failed(email, problem)) return problem;
    if (!std::get<std::string>(email).empty() && !plausible_email(std::get<std::string>(email)))
        return invalid("email", "email must be an address such as name@example.org");
    auto phone = text_field(m, "phone", 0, max_phone_chars);
    if (failed(phone, problem)) return problem;
    if (!std::get<std::string>(phone).empty() && !plausible_phone(std::get<std::string>(phone)))
        return invalid("phone", "phone may hold digits, spaces and + . - ( ) only");
    auto purpose = parse_purpose(m);  // its content is checked against the event's topics by the domain
    if (failed(purpose, problem)) return problem;
    return Profile{std::get<std::string>(name),  std::get<std::string>(organisation),
                   std::get<std::string>(role),  std::get<std::string>(email),
                   std::get<std::string>(phone), std::get<domain::Purpose>(purpose)};
}

}  // namespace ensemble::app
