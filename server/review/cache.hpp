#pragma once
// The review of ended events, kept ready: their graph and report JSON, until the event changes again
// (an answer can still come after the end). Bounded: the least recently used goes first.

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ensemble::review {

struct Rendered {
    std::shared_ptr<const std::string> graph;   // GET …/review/graph
    std::shared_ptr<const std::string> report;  // GET …/review/report
};

class Cache {
  public:
    explicit Cache(std::size_t capacity = 16) : capacity_(capacity) {}

    // What was kept for this version of the event, if anything.
    std::optional<Rendered> find(const std::string& event_id, std::uint64_t version);
    void keep(const std::string& event_id, std::uint64_t version, Rendered rendered);

  private:
    struct Entry {
        std::string event_id;
        std::uint64_t version = 0;
        Rendered rendered;
    };
    std::size_t capacity_;
    std::mutex mutex_;
    std::list<Entry> entries_;  // most recently used first
};

}  // namespace ensemble::review
