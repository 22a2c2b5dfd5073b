#include "matching/needs.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <map>
#include <numeric>

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

// Groups of at most `limit`, merged as helpers and those they help are joined.
class Groups {
  public:
    Groups(int n, int limit) : parent_(n), size_(n, 1), limit_(limit) {
        std::iota(parent_.begin(), parent_.end(), 0);
    }
    bool join(int a, int b) {
        a = root(a), b = root(b);
        if (a == b) return true;
        if (size_[a] + size_[b] > limit_) return false;
        parent_[b] = a;
        size_[a] += size_[b];
        return true;
    }
    std::vector<std::vector<int>> list() {
        std::map<int, std::vector<int>> members;
        for (int p = 0; p < static_cast<int>(parent_.size()); ++p)
            if (size_[root(p)] > 1) members[root(p)].push_back(p);
        std::vector<std::vector<int>> out;
        for (auto& [r, group] : members) out.push_back(std::move(group));
        return out;
    }

  private:
    int root(int x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    std::vector<int> parent_, size_;
    int limit_;
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
    Groups groups(n, std::max(2, table_size));
    auto met_before = [&](int a, int b) {
        return history && history->times_met(people[a].id, people[b].id) > 0;
    };
    auto same_organisation = [&](int a, int b) {
        auto key = organisation_key(people[a].organisation);
        return !key.empty() && key == organisation_key(people[b].organisation);
    };
    // Seekers not met yet go first; the others share what helpers have left.
    for (bool served_first : {true, false}) {
        std::vector<int> seekers;
        for (int p = 0; p < n; ++p)
            if (seeks_help(people[p]) && (first.count(people[p].id) > 0) == served_first)
                seekers.push_back(p);
        if (seekers.empty()) continue;
        NeedFlow flow(people, seekers, room);
        auto helpers = flow.helpers_by_topic();
        // Seats the flow leaves free: a helper there may take a seeker instead of a planned helper they met.
        std::vector<int> spare = room;
        for (const auto& [topic, planned] : helpers)
            for (auto [helper, count] : planned) spare[helper] -= count;
        // Within a topic any of its seekers may sit with any of its helpers: new faces from other
        // organisations first, and nobody helps themself.
        for (auto& [topic, routed] : flow.seekers_by_topic()) {
            auto& offered = helpers[topic];
            for (int seeker : routed) {
                auto score = [&](int helper) {
                    return 2 * met_before(seeker, helper) + same_organisation(seeker, helper);
                };
                int best = -1, best_score = 0;
                for (std::size_t h = 0; h < offered.size(); ++h) {
                    auto [helper, left] = offered[h];
                    if (left <= 0 || helper == seeker) continue;
                    if (best < 0 || score(helper) < best_score)
                        best = static_cast<int>(h), best_score = score(helper);
                }
                if (best < 0) continue;
                int chosen = offered[static_cast<std::size_t>(best)].first;
                for (int other = 0; best_score > 0 && other < n; ++other)
                    if (spare[other] > 0 && other != seeker && score(other) < best_score &&
                        std::count(people[other].offers.begin(), people[other].offers.end(), topic))
                        chosen = other, best_score = score(other);
                if (!groups.join(chosen, seeker)) continue;
                --room[chosen];
                if (chosen == offered[static_cast<std::size_t>(best)].first)
                    --offered[static_cast<std::size_t>(best)].second;
                else
                    --spare[chosen];
            }
        }
    }
    std::vector<std::vector<PersonId>> out;
    for (const auto& group : groups.list()) {
        std::vector<PersonId> ids;
        for (int p : group) ids.push_back(people[p].id);
        out.push_back(std::move(ids));
    }
    return out;
}

}  // namespace ensemble::matching
