#include "matching/table_sizes.hpp"

#include <algorithm>
#include <limits>

namespace ensemble::matching {

std::vector<int> table_sizes(int n, const TableSize& requested, std::vector<std::string>& problems) {
    if (n <= 0) return {};
    TableSize size = requested;
    size.min = std::max(1, size.min);
    size.max = std::max(size.min, size.max);
    size.target = std::clamp(size.target, size.min, size.max);
    if (n < size.min) {
        problems.push_back("only " + std::to_string(n) + " people: one table smaller than the minimum of " +
                           std::to_string(size.min));
        return {n};
    }
    int fewest = (n + size.max - 1) / size.max;
    int most = n / size.min;
    // The target is the preferred largest size: enough tables that none exceeds it, within the range.
    int tables = std::clamp((n + size.target - 1) / size.target, 1, n);
    if (fewest <= most) {
        tables = std::clamp(tables, fewest, most);
    } else {
        tables = fewest;
        problems.push_back("no split of " + std::to_string(n) + " people fits tables of " +
                           std::to_string(size.min) + " to " + std::to_string(size.max) +
                           ": some tables are smaller");
    }
    return even_sizes(n, tables);
}

std::vector<int> one_more_table(int n, const std::vector<int>& sizes, const TableSize& size) {
    int tables = static_cast<int>(sizes.size());
    if (tables == 0 || n / (tables + 1) < std::max(2, size.min)) return {};
    return even_sizes(n, tables + 1);
}

std::vector<int> even_sizes(int n, int tables) {
    std::vector<int> sizes(tables, n / tables);
    for (int i = 0; i < n % tables; ++i) ++sizes[i];
    return sizes;
}

int round_limit(int n, int k) {
    return k < 2 ? std::numeric_limits<int>::max() : std::max(0, n - 1) / (k - 1);
}

}  // namespace ensemble::matching
