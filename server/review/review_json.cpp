#include "review/review_json.hpp"

#include <unordered_map>

namespace ensemble::review {
namespace {

using nlohmann::json;

json event_json(const EventGraph& graph, const std::string& phase) {
    return {{"id", graph.event_id},
            {"title", graph.title},
            {"phase", phase},
            {"rounds", graph.rounds},
            {"ended_at", or_null(graph.ended_at)}};
}

// An erased person is named by nobody: the client shows "Anonyme".
std::string label_of(const Person& p) { return p.erased ? std::string{} : p.name; }
std::string organisation_of(const Person& p) { return p.erased ? std::string{} : p.organisation; }

class People {
  public:
    explicit People(const EventGraph& graph) {
        for (const auto& p : graph.people) index_.emplace(p.id, &p);
    }
    json named(PersonId id) const {
        json out = {{"id", id}, {"label", ""}, {"organisation", ""}};
        if (auto it = index_.find(id); it != index_.end())
            out["label"] = label_of(*it->second), out["organisation"] = organisation_of(*it->second);
        return out;
    }

  private:
    std::unordered_map<PersonId, const Person*> index_;
};

}  // namespace

json graph_json(const EventGraph& graph, const Analysis& analysis, const std::string& phase) {
    json nodes = json::array();
    for (std::size_t i = 0; i < graph.people.size(); ++i) {
        const auto& p = graph.people[i];
        const auto& f = analysis.figures[i];
        nodes.push_back({{"id", p.id},
                         {"label", label_of(p)},
                         {"organisation", organisation_of(p)},
                         {"role", p.erased ? std::string{} : p.role},
                         {"erased", p.erased},
                         {"left", p.left},
                         {"met", f.met},
                         {"rounds_seated", p.rounds_seated},
                         {"visible_ms", p.visible_ms},
                         {"chat_sent", p.chat_sent},
                         {"betweenness", f.betweenness},
                         {"component", or_null(f.component)}});
    }
    json edges = json::array();
    for (const auto& pair : analysis.pairs)
        edges.push_back({{"a", pair.a},
                         {"b", pair.b},
                         {"rounds", pair.rounds},
                         {"tables", pair.tables},
                         {"talked", to_string(pair.talked)},
                         {"keep_in_touch", to_string(pair.keep_in_touch)}});
    return {{"event", event_json(graph, phase)}, {"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
}

json report_json(const EventGraph& graph, const Report& r, const std::string& phase) {
    People people(graph);
    json per_round = json::array();
    for (const auto& [round, seated] : r.seated_per_round)
        per_round.push_back({{"round", round}, {"seated", seated}});
    json distribution = json::array();
    for (const auto& [met, count] : r.met_distribution)
        distribution.push_back({{"met", met}, {"attendees", count}});
    json isolated = json::array();
    for (PersonId id : r.isolated) isolated.push_back(people.named(id));
    json unmet = json::array();
    for (PersonId id : r.needs_unmet) unmet.push_back(people.named(id));
    json brokers = json::array();
    for (const auto& b : r.brokers) {
        json entry = people.named(b.id);
        entry["betweenness"] = b.value;
        brokers.push_back(std::move(entry));
    }
    json go_to = json::array();
    for (const auto& g : r.go_to_people) {
        json entry = people.named(g.id);
        entry["wishes_received"] = static_cast<int>(g.value);
        go_to.push_back(std::move(entry));
    }
    return {{"event", event_json(graph, phase)},
            {"attendees_per_round", std::move(per_round)},
            {"new_people_met",
             {{"distribution", std::move(distribution)},
              {"median", or_null(r.met_median)},
              {"minimum", or_null(r.met_minimum)}}},
            {"repeats", r.repeats},
            {"cross_organisation_share", or_null(r.cross_organisation_share)},
            {"cross_departement_share", or_null(r.cross_departement_share)},
            {"isolated", std::move(isolated)},
            {"needs",
             {{"seeking_help", r.seeking_help},
              {"met", r.seeking_help - static_cast<int>(r.needs_unmet.size())},
              {"unmet", std::move(unmet)}}},
            {"talked",
             {{"pairs", r.pairs},
              {"answered_pairs", r.answered_pairs},
              {"at_least_one", or_null(r.talked_at_least_one)},
              {"both", or_null(r.talked_both)}}},
            {"mutual_keep_in_touch", r.mutual_keep_in_touch},
            {"usefulness",
             {{"answers", r.usefulness_answers},
              {"mean", or_null(r.usefulness_mean)},
              {"distribution", r.usefulness}}},
            {"presence",
             {{"median_visible_share", or_null(r.median_visible_share)},
              {"chat_sent", r.chat_sent},
              {"video_opened", r.video_opened}}},
            {"components", {{"count", r.components}, {"largest", r.largest_component}}},
            {"brokers", std::move(brokers)},
            {"go_to_people", std::move(go_to)},
            {"ei_index", or_null(r.ei_index)}};
}

}  // namespace ensemble::review
