#pragma once
// A set of small integers with O(1) insert, erase and uniform random pick.

#include <vector>

namespace ensemble::matching {

class IndexedSet {
  public:
    explicit IndexedSet(std::size_t universe) : position_(universe, -1) {}

    void insert(int value) {
        if (position_[value] >= 0) return;
        position_[value] = static_cast<int>(items_.size());
        items_.push_back(value);
    }
    void erase(int value) {
        int at = position_[value];
        if (at < 0) return;
        items_[at] = items_.back();
        position_[items_[at]] = at;
        items_.pop_back();
        position_[value] = -1;
    }
    void clear() {
        for (int value : items_) position_[value] = -1;
        items_.clear();
    }
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }
    int operator[](std::size_t i) const { return items_[i]; }

  private:
    std::vector<int> items_;
    std::vector<int> position_;
};

}  // namespace ensemble::matching
