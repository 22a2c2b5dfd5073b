#include "review/cache.hpp"

#include <algorithm>

namespace ensemble::review {

std::optional<Rendered> Cache::find(const std::string& event_id, std::uint64_t version) {
    std::lock_guard lock(mutex_);
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const Entry& e) { return e.event_id == event_id; });
    if (it == entries_.end() || it->version != version) return std::nullopt;
    entries_.splice(entries_.begin(), entries_, it);
    return it->rendered;
}

void Cache::keep(const std::string& event_id, std::uint64_t version, Rendered rendered) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [&](const Entry& e) { return e.event_id == event_id; });
    entries_.push_front({event_id, version, std::move(rendered)});
    if (entries_.size() > capacity_) entries_.pop_back();
}

}  // namespace ensemble::review
