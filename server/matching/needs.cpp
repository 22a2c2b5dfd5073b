#include "matching/needs.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <functional>
#include <map>

#include "matching/organisation.hpp"

namespace ensemble::matching {
namespace {

bool seeks_help(const Person& person) { return !person.needs.empty(); }

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
using Edge = Traits::edge_descriptor;

// Seekers -> the topics they seek -> the helpers who offer them, each helper with `room` seats around them.
// Topics sit in the middle so that the graph grows with people × topics named, not people².
class NeedFlow {
  public:
    NeedFlow(const std::vector<Person>& people, const std::vector<int>& seekers, const std::vector<int>& room)
        : people_(people) {
        std::map<std::string, int> topic_of;
        for (const auto& person : people)
            for (const auto& topic : person.offers) topic_of.emplace(topic, 0);
        int next = 2 + static_cast<int>(people.size()) * 2;
        for (auto& [topic, node] : topic_of) node = next++;
        graph_ = Graph(static_cast<std::size_t>(next));
        for (int p : seekers) {
            edge(source, seeker_node(p), 1);
            for (const auto& topic : people[p].needs)
                if (auto it = topic_of.find(topic); it != topic_of.end())
                    through_.push_back({p, it->first, edge(seeker_node(p), it->second, 1)});
        }
        for (int p = 0; p < static_cast<int>(people.size()); ++p) {
            if (room[p] <= 0) continue;
            edge(helper_node(p), sink, room[p]);
            for (const auto& topic : people[p].offers)
                to_helper_.push_back({p, topic, edge(topic_of.at(topic), helper_node(p), room[p])});
        }
        flow_ = boost::push_relabel_max_flow(graph_, source, sink);
    }

    int flow() const { return static_cast<int>(flow_); }

    // Who went through which topic, and how many each helper takes from each topic.
    std::map<std::string, std::vector<int>> seekers_by_topic() const {
        std::map<std::string, std::vector<int>> out;
        for (const auto& [p, topic, e] : through_)
            if (used(e)) out[topic].push_back(p);
        return out;
    }
    std::map<std::string, std::vector<std::pair<int, int>>> helpers_by_topic() const {
        std::map<std::string, std::vector<std::pair<int, int>>> out;
        for (const auto& [p, topic, e] : to_helper_)
            if (long n = used(e)) out[topic].push_back({p, static_cast<int>(n)});
        return out;
    }

  private:
    static constexpr int source = 0, sink = 1;
    int seeker_node(int p) const { return 2 + p; }
    int helper_node(int p) const { return 2 + static_cast<int>(people_.size()) + p; }

    Edge edge(int from, int to, long capacity) {
        auto capacities = boost::get(boost::edge_capacity, graph_);
        auto reverses = boost::get(boost::edge_reverse, graph_);
        Edge forward = boost::add_edge(from, to, graph_).first;
        Edge backward = boost::add_edge(to, from, graph_).first;
        capacities[forward] = capacity;
        capacities[backward] = 0;
        reverses[forward] = backward;
        reverses[backward] = forward;
        return forward;
    }
    long used(Edge e) const {
        return boost::get(boost::edge_capacity, graph_, e) -
               boost::get(boost::edge_residual_capacity, graph_, e);
    }

    struct Through {
        int person;
        std::string topic;
        Edge edge;
    };
    const std::vector<Person>& people_;
    Graph graph_;
    std::vector<Through> through_, to_helper_;
    long flow_ = 0;
};

// Groups of at most `limit` people, each person in one at most: a helper and those they help. A group is
// a table's core for the round: while `fresh_only`, nobody joins one where they would meet someone again.
class Groups {
  public:
    Groups(int n, int limit, std::function<bool(int, int)> met)
        : of_(static_cast<std::size_t>(n), -1), limit_(limit), met_(std::move(met)) {}
    int of(int p) const { return of_[static_cast<std::size_t>(p)]; }
    const std::vector<std::vector<int>>& list() const { return members_; }
    bool fresh_only = true;

    // Seats a seeker with a helper, in the group of either, never merging two groups nor passing the limit.
    bool seat(int seeker, int helper) {
        int gs = of(seeker), gh = of(helper);
        if (gs >= 0 && gs == gh) return true;
        if (gs < 0 && gh < 0 && !(fresh_only && met_(seeker, helper)))
            return add(helper, -1), add(seeker, of(helper)), true;
        if (gs < 0 && gh >= 0 && can_join(seeker, gh)) return add(seeker, gh), true;
        if (gh < 0 && gs >= 0 && can_join(helper, gs)) return add(helper, gs), true;
        return false;
    }

  private:
    bool can_join(int p, int g) const {
        const auto& members = members_[static_cast<std::size_t>(g)];
        if (static_cast<int>(members.size()) >= limit_) return false;
        return !fresh_only || std::none_of(members.begin(), members.end(), [&](int m) { return met_(p, m); });
    }
    // Puts p, in no group yet, into group g, or into a new group when g < 0.
    void add(int p, int g) {
        if (g < 0) {
            g = static_cast<int>(members_.size());
            members_.emplace_back();
        }
        members_[static_cast<std::size_t>(g)].push_back(p);
        of_[static_cast<std::size_t>(p)] = g;
    }

    std::vector<int> of_;
    std::vector<std::vector<int>> members_;
    int limit_;
    std::function<bool(int, int)> met_;
};
}  // namespace

const std::string* topic_offered(const std::vector<std::string>& offers,
                                 const std::vector<std::string>& needs) {
    for (const auto& topic : needs)
        if (std::find(offers.begin(), offers.end(), topic) != offers.end()) return &topic;
    return nullptr;
}

NeedCount count_needs_met(const std::vector<Table>& tables,
                          const std::unordered_map<PersonId, const Person*>& people,
                          std::unordered_set<PersonId>* met) {
    NeedCount count;
    for (const auto& table : tables)
        for (PersonId id : table) {
            auto it = people.find(id);
            if (it == people.end() || !seeks_help(*it->second)) continue;
            ++count.needs;
            bool helped = std::any_of(table.begin(), table.end(), [&](PersonId other) {
                auto helper = people.find(other);
                return other != id && helper != people.end() &&
                       topic_offered(helper->second->offers, it->second->needs);
            });
            count.met += helped;
            if (helped && met) met->insert(id);
        }
    return count;
}

int most_needs_met(const std::vector<Person>& people, int largest_table) {
    std::vector<int> seekers;
    for (int p = 0; p < static_cast<int>(people.size()); ++p)
        if (seeks_help(people[p])) seekers.push_back(p);
    return NeedFlow(people, seekers, std::vector<int>(people.size(), std::max(0, largest_table - 1))).flow();
}

std::vector<std::vector<PersonId>> need_groups(const std::vector<Person>& people, const History* history,
                                               int table_size, const std::unordered_set<PersonId>& first) {
    const int n = static_cast<int>(people.size());
    std::vector<int> room(n, std::max(0, table_size - 1));
    std::vector<std::string> organisation(people.size());
    for (std::size_t p = 0; p < people.size(); ++p)
        organisation[p] = organisation_key(people[p].organisation);
    auto score = [&](int seeker, int helper) {  // new faces from other organisations first
        bool met = history && history->times_met(people[seeker].id, people[helper].id) > 0;
        const auto& key = organisation[static_cast<std::size_t>(seeker)];
        return 2 * met + (!key.empty() && key == organisation[static_cast<std::size_t>(helper)]);
    };
    Groups groups(n, std::max(2, table_size), [&](int a, int b) {
        return history && history->times_met(people[a].id, people[b].id) > 0;
    });
    std::map<std::string, std::vector<int>> helpers_of;  // topic -> who offers it
    for (int p = 0; p < n; ++p)
        for (const auto& topic : people[p].offers) helpers_of[topic].push_back(p);
    auto helped = [&](int seeker) {
        int g = groups.of(seeker);
        if (g < 0) return false;
        const auto& members = groups.list()[static_cast<std::size_t>(g)];
        return std::any_of(members.begin(), members.end(), [&](int other) {
            return other != seeker && topic_offered(people[other].offers, people[seeker].needs);
        });
    };
    std::vector<int> left_out;
    // Seekers no round has met go first; the others share what helpers have left. Within a topic any of
    // its seekers may sit with any of its helpers the flow sends them to.
    for (bool served_first : {true, false}) {
        std::vector<int> seekers;
        for (int p = 0; p < n; ++p)
            if (seeks_help(people[p]) && (first.count(people[p].id) > 0) == served_first)
                seekers.push_back(p);
        if (seekers.empty()) continue;
        NeedFlow flow(people, seekers, room);
        auto helpers = flow.helpers_by_topic();
        // Seats the flow leaves free: a helper there may take a seeker rather than one they already met.
        std::vector<int> spare = room;
        for (const auto& [topic, planned] : helpers)
            for (auto [helper, count] : planned) spare[helper] -= count;
        auto fresher = [&](int seeker, const std::string& topic, int than) {
            if (score(seeker, than) == 0) return -1;  // nobody is fresher than a stranger
            for (int other : helpers_of[topic])
                if (spare[other] > 0 && other != seeker && score(seeker, other) < score(seeker, than))
                    return other;
            return -1;
        };
        for (auto& [topic, routed] : flow.seekers_by_topic()) {
            auto& offered = helpers[topic];
            for (int seeker : routed) {
                int best = -1, best_score = 0;
                for (std::size_t h = 0; h < offered.size() && (best < 0 || best_score > 0); ++h) {
                    auto [helper, left] = offered[h];
                    if (left <= 0 || helper == seeker) continue;
                    int sc = score(seeker, helper);
                    if (best < 0 || sc < best_score) best = static_cast<int>(h), best_score = sc;
                }
                if (best < 0) continue;
                auto& [helper, left] = offered[static_cast<std::size_t>(best)];
                if (int other = fresher(seeker, topic, helper); other >= 0 && groups.seat(seeker, other)) {
                    --spare[other];
                    --room[other];
                    continue;
                }
                if (!groups.seat(seeker, helper)) {
                    left_out.push_back(seeker);
                    continue;
                }
                --left;
                --room[helper];
            }
        }
    }
    // Whom the groups could not take as the flow said: any helper of their topics with room, in a group
    // or not yet in one; new faces first, then, for a need still unmet, someone met before.
    for (bool fresh_only : {true, false}) {
        groups.fresh_only = fresh_only;
        for (int seeker : left_out) {
            if (helped(seeker)) continue;
            std::vector<std::pair<int, int>> candidates;  // (score, helper)
            for (const auto& topic : people[seeker].needs)
                for (int helper : helpers_of[topic])
                    if (helper != seeker && room[helper] > 0)
                        candidates.push_back({score(seeker, helper), helper});
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto [ignored, helper] : candidates)
                if (groups.seat(seeker, helper)) {
                    --room[helper];
                    break;
                }
        }
    }
    std::vector<std::vector<PersonId>> out;
    for (const auto& group : groups.list()) {
        if (group.size() < 2) continue;
        std::vector<PersonId> ids;
        for (int p : group) ids.push_back(people[p].id);
        out.push_back(std::move(ids));
    }
    return out;
}

}  // namespace ensemble::matching
