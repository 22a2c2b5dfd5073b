#include "review/analysis.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace ensemble::review {
namespace {

using Key = std::pair<PersonId, PersonId>;

Key key_of(PersonId x, PersonId y) { return x < y ? Key{x, y} : Key{y, x}; }

Sides sides_of(bool first, bool second) {
    return first && second ? Sides::both : (first || second ? Sides::one : Sides::none);
}

// Pairs from the encounters, with the answers of each side folded in.
std::vector<Pair> pairs_of(const EventGraph& graph) {
    std::map<Key, std::map<int, int>> met;  // round → table
    for (const auto& e : graph.encounters)
        if (e.a != e.b) met[key_of(e.a, e.b)][e.round] = e.table;
    std::set<std::tuple<PersonId, PersonId>> yes, answered, wish;  // (from, about)
    for (const auto& t : graph.talked) {
        answered.emplace(t.from, t.about);
        if (t.talked) yes.emplace(t.from, t.about);
    }
    for (const auto& w : graph.wishes) wish.emplace(w.from, w.about);
    std::vector<Pair> pairs;
    pairs.reserve(met.size());
    for (const auto& [key, rounds] : met) {
        Pair p;
        p.a = key.first, p.b = key.second;
        for (const auto& [round, table] : rounds) p.rounds.push_back(round), p.tables.push_back(table);
        p.talked = sides_of(yes.count({p.a, p.b}) > 0, yes.count({p.b, p.a}) > 0);
        p.keep_in_touch = sides_of(wish.count({p.a, p.b}) > 0, wish.count({p.b, p.a}) > 0);
        p.answered = answered.count({p.a, p.b}) > 0 || answered.count({p.b, p.a}) > 0;
        pairs.push_back(std::move(p));
    }
    return pairs;
}

// Sources of the estimate: a fixed, seeded sample, so that the same event always gets the same figures.
std::vector<std::size_t> sample_sources(std::size_t n, std::size_t count) {
    std::vector<std::size_t> all(n);
    for (std::size_t v = 0; v < n; ++v) all[v] = v;
    std::mt19937_64 rng(20261129);
    for (std::size_t i = 0; i < std::min(count, n); ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, n - 1);
        std::swap(all[i], all[pick(rng)]);
    }
    all.resize(std::min(count, n));
    return all;
}

}  // namespace

// Brandes' accumulation from `sources` only, scaled by n / sources (Brandes and Pich's estimate; exact
// when every vertex is a source), normalised as boost::relative_betweenness_centrality does.
std::vector<double> sampled_betweenness(const Graph& g, const std::vector<std::size_t>& sources) {
    const std::size_t n = boost::num_vertices(g);
    std::vector<double> centrality(n, 0.0);
    if (n < 3 || sources.empty()) return centrality;
    // The adjacency as flat arrays: the inner loops run a few hundred million times.
    std::vector<std::size_t> offset(n + 1, 0), target;
    target.reserve(2 * boost::num_edges(g));
    for (std::size_t v = 0; v < n; ++v) {
        for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) target.push_back(*it);
        offset[v + 1] = target.size();
    }
    std::vector<double> sigma(n), delta(n);
    std::vector<int> dist(n);
    std::vector<std::size_t> order(n);
    for (std::size_t s : sources) {
        std::fill(sigma.begin(), sigma.end(), 0.0);
        std::fill(delta.begin(), delta.end(), 0.0);
        std::fill(dist.begin(), dist.end(), -1);
        sigma[s] = 1, dist[s] = 0;
        std::size_t head = 0, tail = 0;
        order[tail++] = s;
        while (head < tail) {  // breadth first: `order` is by distance
            std::size_t v = order[head++];
            for (std::size_t i = offset[v]; i < offset[v + 1]; ++i) {
                std::size_t w = target[i];
                if (dist[w] < 0) dist[w] = dist[v] + 1, order[tail++] = w;
                if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
            }
        }
        for (std::size_t k = tail; k-- > 1;) {  // farthest first; the source itself gains nothing
            std::size_t v = order[k];
            for (std::size_t i = offset[v]; i < offset[v + 1]; ++i) {
                std::size_t w = target[i];
                if (dist[w] == dist[v] + 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            }
            centrality[v] += delta[v];
        }
    }
    // Each pair is counted from both ends; then over the (n-1)(n-2)/2 pairs of others.
    const double scale = static_cast<double>(n) / static_cast<double>(sources.size()) / 2.0 * 2.0 /
                         (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (auto& c : centrality) c *= scale;
    return centrality;
}

const char* to_string(Sides sides) {
    switch (sides) {
        case Sides::both:
            return "both";
        case Sides::one:
            return "one";
        case Sides::none:
            break;
    }
    return "none";
}

bool seated(const Person& person, const PersonFigures& figures) {
    return person.rounds_seated > 0 || figures.met > 0;
}

Analysis analyse(const EventGraph& graph) {
    Analysis out;
    out.pairs = pairs_of(graph);
    const auto& people = graph.people;
    out.figures.resize(people.size());
    std::unordered_map<PersonId, std::size_t> index;
    for (std::size_t i = 0; i < people.size(); ++i) index.emplace(people[i].id, i);

    for (const auto& p : out.pairs) {
        auto a = index.find(p.a), b = index.find(p.b);
        if (a == index.end() || b == index.end()) continue;
        ++out.figures[a->second].met, ++out.figures[b->second].met;
    }
    std::set<std::pair<PersonId, PersonId>> wishes;
    for (const auto& w : graph.wishes)
        if (w.from != w.about && wishes.emplace(w.from, w.about).second)
            if (auto it = index.find(w.about); it != index.end()) ++out.figures[it->second].wishes_received;

    // The network: seated people only, numbered 0..n-1.
    std::vector<std::size_t> person_of;  // vertex → people index
    std::vector<std::size_t> vertex_of(people.size(), 0);
    for (std::size_t i = 0; i < people.size(); ++i)
        if (seated(people[i], out.figures[i])) vertex_of[i] = person_of.size(), person_of.push_back(i);
    const std::size_t n = person_of.size();
    if (n == 0) return out;
    Graph g(n);
    for (const auto& p : out.pairs) {
        auto a = index.find(p.a), b = index.find(p.b);
        if (a == index.end() || b == index.end()) continue;
        boost::add_edge(vertex_of[a->second], vertex_of[b->second], g);
    }

    std::vector<int> component(n);
    out.components = boost::connected_components(g, component.data());
    // Renumber: largest first, ties by the smallest person id they hold (vertices follow people's order).
    std::vector<int> size(out.components, 0), first(out.components, -1);
    for (std::size_t v = 0; v < n; ++v) {
        ++size[component[v]];
        if (first[component[v]] < 0) first[component[v]] = static_cast<int>(v);
    }
    std::vector<int> order(out.components);
    for (int c = 0; c < out.components; ++c) order[c] = c;
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        return size[x] != size[y] ? size[x] > size[y]
                                  : people[person_of[first[x]]].id < people[person_of[first[y]]].id;
    });
    std::vector<int> number(out.components);
    for (int rank = 0; rank < out.components; ++rank) number[order[rank]] = rank + 1;
    out.largest_component = size[order[0]];

    std::vector<double> centrality(n, 0.0);
    if (n >= 3 && n <= exact_betweenness_up_to) {
        auto map = boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g));
        boost::brandes_betweenness_centrality(g, map);
        boost::relative_betweenness_centrality(g, map);
    } else if (n >= 3) {
        centrality = sampled_betweenness(g, sample_sources(n, betweenness_sources));
    }
    for (std::size_t v = 0; v < n; ++v) {
        auto& f = out.figures[person_of[v]];
        f.component = number[component[v]];
        f.betweenness = centrality[v];
    }
    return out;
}

}  // namespace ensemble::review
