#include "matching/problem.hpp"

#include <algorithm>
#include <numeric>

#include "matching/organisation.hpp"

namespace ensemble::matching {
namespace {

std::string person_name(PersonId id) { return "person " + std::to_string(id); }

int find_root(std::vector<int>& parent, int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

// Overlapping keep_together lists merge; a group larger than a table is split into table-sized parts.
void build_groups(Problem& problem, const Constraints& constraints, int largest_table,
                  std::vector<std::string>& problems) {
    std::vector<int> parent(problem.n);
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& list : constraints.keep_together) {
        int first = -1;
        for (PersonId id : list) {
            auto it = problem.index.find(id);
            if (it == problem.index.end()) continue;
            if (first < 0)
                first = it->second;
            else
                parent[find_root(parent, it->second)] = find_root(parent, first);
        }
    }
    std::vector<std::vector<int>> members(problem.n);
    for (int p = 0; p < problem.n; ++p) members[find_root(parent, p)].push_back(p);
    for (auto& group : members) {
        if (group.size() < 2) continue;
        if (static_cast<int>(group.size()) > largest_table)
            problems.push_back("cannot keep " + std::to_string(group.size()) + " people together (" +
                               person_name(problem.ids[group[0]]) + " and others): the largest table seats " +
                               std::to_string(largest_table));
        for (std::size_t from = 0; from < group.size(); from += largest_table) {
            std::size_t to = std::min(group.size(), from + static_cast<std::size_t>(largest_table));
            if (to - from < 2) continue;
            problem.groups.emplace_back(group.begin() + from, group.begin() + to);
            for (std::size_t i = from; i < to; ++i) problem.movable[group[i]] = 0;
        }
    }
}

// Places are compared once per pair of départements present, not once per pair of people.
void index_places(Problem& problem, const std::vector<Person>& people) {
    std::unordered_map<std::string, int> places;
    std::vector<const Person*> example;  // someone from each place, whose neighbours are that place's
    problem.place.assign(problem.n, -1);
    for (const auto& person : people) {
        auto it = problem.index.find(person.id);
        if (person.departement.empty() || it == problem.index.end()) continue;
        auto [place, added] = places.emplace(person.departement, static_cast<int>(example.size()));
        if (added) example.push_back(&person);
        problem.place[it->second] = place->second;
    }
    problem.place_distance.assign(example.size(), std::vector<Distance>(example.size()));
    for (std::size_t i = 0; i < example.size(); ++i)
        for (std::size_t j = 0; j < example.size(); ++j)
            problem.place_distance[i][j] = distance(*example[i], *example[j]);
}

}  // namespace

Problem make_problem(const std::vector<Person>& people, const Constraints& constraints,
                     const Preferences& preferences, int largest_table, std::vector<std::string>& problems) {
    Problem problem;
    std::unordered_map<std::string, int> organisations;
    for (const auto& person : people) {
        if (!problem.index.emplace(person.id, problem.n).second) {
            problems.push_back(person_name(person.id) + " is listed twice: seated once");
            continue;
        }
        ++problem.n;
        problem.ids.push_back(person.id);
        int org = -1;
        if (auto key = organisation_key(person.organisation); !key.empty())
            org = organisations.emplace(std::move(key), static_cast<int>(organisations.size())).first->second;
        problem.organisation.push_back(org);
    }
    problem.movable.assign(problem.n, 1);
    build_groups(problem, constraints, std::max(1, largest_table), problems);

    std::vector<int> group_of(problem.n, -1);
    for (std::size_t g = 0; g < problem.groups.size(); ++g)
        for (int p : problem.groups[g]) group_of[p] = static_cast<int>(g);
    for (const auto& [a, b] : constraints.never_together) {
        auto ia = problem.index.find(a), ib = problem.index.find(b);
        if (ia == problem.index.end() || ib == problem.index.end() || a == b) continue;
        if (group_of[ia->second] >= 0 && group_of[ia->second] == group_of[ib->second]) {
            problems.push_back(person_name(a) + " and " + person_name(b) +
                               " must be kept together and never together: kept together");
            continue;
        }
        problem.never.emplace_back(ia->second, ib->second);
    }

    problem.cost = PairCost::from(preferences);
    if (problem.cost.distance[1] || problem.cost.distance[2]) index_places(problem, people);
    return problem;
}

std::vector<Table> to_ids(const Problem& problem, const std::vector<std::vector<int>>& tables) {
    std::vector<Table> out;
    for (const auto& members : tables) {
        Table table;
        for (int p : members) table.push_back(problem.ids[p]);
        out.push_back(std::move(table));
    }
    return out;
}

std::vector<Person> unique_people(const Problem& problem, const std::vector<Person>& people) {
    std::vector<Person> unique(problem.n);
    std::vector<char> taken(problem.n, 0);
    for (const auto& person : people) {
        auto it = problem.index.find(person.id);
        if (it == problem.index.end() || taken[it->second]) continue;
        unique[it->second] = person;
        taken[it->second] = 1;
    }
    return unique;
}

}  // namespace ensemble::matching
