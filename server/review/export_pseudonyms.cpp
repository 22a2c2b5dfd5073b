#include "review/export_pseudonyms.hpp"

#include <algorithm>
#include <map>

namespace ensemble::review {
namespace {

// Numbers each distinct non-empty text by its first appearance.
class Numbering {
  public:
    explicit Numbering(std::string prefix) : prefix_(std::move(prefix)) {}
    std::string operator()(const std::string& text) {
        if (text.empty()) return "";
        auto [it, added] = numbers_.try_emplace(text, static_cast<int>(numbers_.size()) + 1);
        return prefix_ + std::to_string(it->second);
    }

  private:
    std::string prefix_;
    std::map<std::string, int> numbers_;
};

}  // namespace

EventGraph pseudonymised(const EventGraph& graph) {
    EventGraph out = graph;
    out.title = "Événement";
    std::sort(out.people.begin(), out.people.end(),
              [](const Person& x, const Person& y) { return x.id < y.id; });
    Numbering organisations("Organisation "), roles("Rôle ");
    int rank = 0;
    for (auto& person : out.people) {
        ++rank;  // erased people keep their rank, so an erasure renumbers no one
        if (person.erased) {
            person.name.clear();
            person.organisation.clear();
            person.role.clear();
            continue;
        }
        person.name = "Personne " + std::to_string(rank);
        person.organisation = organisations(person.organisation);
        person.role = roles(person.role);
    }
    return out;
}

}  // namespace ensemble::review
