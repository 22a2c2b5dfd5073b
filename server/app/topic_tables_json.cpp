#include "app/topic_tables_json.hpp"

#include <algorithm>

#include "app/json_text.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

// `field` as a string, '' when absent or null; false when it is of another type.
bool read_text(const json& m, const char* field, std::string& out) {
    auto it = m.find(field);
    if (it == m.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

// A table id: a positive integer; null when `none` may stand for no table.
std::optional<int> read_table(const json& m, bool none) {
    auto it = m.find("table");
    if (it != m.end() && it->is_null() && none) return 0;
    if (it == m.end() || !it->is_number_integer()) return std::nullopt;
    // Above 2^63 - 1 JSON holds it unsigned only: read that way, nothing wraps.
    auto id = it->is_number_unsigned()
                  ? std::min<std::uint64_t>(it->get<std::uint64_t>(), 1'000'001)
                  : static_cast<std::uint64_t>(std::max<std::int64_t>(it->get<std::int64_t>(), 0));
    if (id < 1 || id > 1'000'000) return std::nullopt;
    return static_cast<int>(id);
}

const domain::TopicRound* coming(const domain::Event& event, int& round) {
    const auto& s = event.state();
    round = domain::coming_topic_round(s, event.seating_round());
    if (!round) return nullptr;
    auto it = s.topic_rounds.find(round);
    static const domain::TopicRound none;
    return it == s.topic_rounds.end() ? &none : &it->second;
}

}  // namespace

std::optional<std::variant<domain::Command, Problem>> parse_topic_table_message(const std::string& type,
                                                                                const json& m) {
    if (type == "open_topic_table" || type == "propose_topic_table") {
        std::string topic, text;
        if (!read_text(m, "topic", topic)) return invalid("topic", "topic must be a topic id");
        if (!read_text(m, "text", text)) return invalid("text", "text must be a string");
        if (type == "open_topic_table") return domain::OpenTopicTable{topic, text};
        return domain::ProposeTopicTable{topic, text};
    }
    if (type == "close_topic_table" || type == "choose_topic_table") {
        bool choose = type == "choose_topic_table";
        auto table = read_table(m, choose);
        if (!table)
            return invalid("table", choose ? "table must be a topic table id or null"
                                           : "table must be a topic table id");
        if (choose) return domain::ChooseTopicTable{*table};
        return domain::CloseTopicTable{*table};
    }
    return std::nullopt;
}

std::string TopicTablesList::for_choice(int table) const {
    std::string out = head;
    out += R"(,"mine":)";
    out += table ? std::to_string(table) : "null";
    out += '}';
    return out;
}

std::optional<TopicTablesList> topic_tables_list(const domain::Event& event) {
    int round = 0;
    const auto* tables = coming(event, round);
    if (!tables) return std::nullopt;
    const auto& s = event.state();
    auto taken = domain::seats_by_table(s, *tables);
    json list = json::array();
    for (const auto& t : tables->tables) {
        if (!t.open) continue;
        json item = {{"id", t.id},
                     {"topic", t.topic.empty() ? json(nullptr) : json(t.topic)},
                     {"text", t.text},
                     {"seats_taken", taken[t.id]},
                     {"cap", s.settings.max_table_size}};
        if (auto by = s.attendees.find(t.proposed_by); by != s.attendees.end() && !by->second.name.empty())
            item["proposed_by_name"] = by->second.name;
        list.push_back(std::move(item));
    }
    json message = {{"type", "topic_tables"}, {"round", round}, {"tables", std::move(list)}};
    std::string head = message.dump();
    head.pop_back();  // the closing brace: `mine` follows
    return TopicTablesList{round, std::move(head)};
}

int topic_table_of(const domain::Event& event, domain::AttendeeId attendee) {
    int round = 0;
    const auto* tables = coming(event, round);
    if (!tables) return 0;
    auto it = tables->choices.find(attendee);
    return it == tables->choices.end() ? 0 : it->second;
}

void append_topic_table(std::string& out, const domain::Event& event, int number) {
    const auto& s = event.state();
    auto round = s.topic_rounds.find(s.round);
    if (round == s.topic_rounds.end()) return;
    for (const auto& t : round->second.tables) {
        if (t.table != number) continue;
        namespace jt = json_text;
        out += ',';
        jt::key(out, "topic_table");
        out += '{';
        jt::key(out, "id");
        jt::number(out, t.id);
        out += ',';
        jt::key(out, "topic");
        if (t.topic.empty())
            out += "null";
        else
            jt::string(out, t.topic);
        out += ',';
        jt::key(out, "text");
        jt::string(out, t.text);
        out += '}';
        return;
    }
}

}  // namespace ensemble::app
