// Searches a quasi-difference matrix for the resolvable TD(3, w) that no field gives (w = 2·odd, where
// GF(2) is too small): w + 1 rows (a, b, s, c) over Z_{w−1} ∪ {∞}, row i < 4 with ∞ in column i and the
// others finite, such that in any two columns the differences of the rows finite in both make Z_{w−1} once
// (matching/transversal.cpp develops it by the shifts of Z_{w−1}). By simulated annealing on the finite
// entries, deterministic for a seed; prints the rows as a line of transversal.cpp's data.
// Usage: quasi_difference_search W [seed = 1] [moves = 100000000]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

constexpr int columns = 4;

struct Matrix {
    int m = 0;                          // the finite entries are Z_m
    std::vector<std::vector<int>> row;  // −1 for ∞
};

bool finite(const Matrix& x, int r, int c) { return x.row[r][c] >= 0; }

// count[i][j][d]: the rows finite in columns i < j whose difference (column j − column i) is d.
using Counts = std::vector<std::vector<std::vector<int>>>;

int difference(const Matrix& x, int r, int i, int j) {
    return ((x.row[r][j] - x.row[r][i]) % x.m + x.m) % x.m;
}

// Σ n² over every pair of columns and difference, less its least value m·6: 0 exactly when each difference
// comes once (the rows finite in two columns are m, so Σ n = m for each pair).
int excess(const Counts& count, int m) {
    int out = -m * columns * (columns - 1) / 2;
    for (int i = 0; i < columns; ++i)
        for (int j = i + 1; j < columns; ++j)
            for (int n : count[i][j]) out += n * n;
    return out;
}

bool anneal(Matrix& x, std::uint64_t seed, std::int64_t moves) {
    const int m = x.m, rows = static_cast<int>(x.row.size());
    std::mt19937_64 random(seed);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) x.row[r][c] = r == c ? -1 : static_cast<int>(random() % m);
    Counts count(columns, std::vector<std::vector<int>>(columns, std::vector<int>(m, 0)));
    for (int r = 0; r < rows; ++r)
        for (int i = 0; i < columns; ++i)
            for (int j = i + 1; j < columns; ++j)
                if (finite(x, r, i) && finite(x, r, j)) ++count[i][j][difference(x, r, i, j)];
    int cost = excess(count, m);
    const double start = 3.0, end = 0.1;  // the temperature, falling geometrically over the moves
    for (std::int64_t move = 0; move < moves && cost > 0; ++move) {
        const int r = static_cast<int>(random() % rows), c = static_cast<int>(random() % columns);
        if (!finite(x, r, c)) continue;
        const int old = x.row[r][c], value = static_cast<int>(random() % m);
        if (value == old) continue;
        // The change in excess over the three column pairs through c.
        auto shift = [&](int sign) {
            int delta = 0;
            for (int other = 0; other < columns; ++other) {
                if (other == c || !finite(x, r, other)) continue;
                const int i = std::min(c, other), j = std::max(c, other);
                int& n = count[i][j][difference(x, r, i, j)];
                delta += sign < 0 ? 1 - 2 * n : 2 * n + 1;  // (n ∓ 1)² − n²
                n += sign;
            }
            return delta;
        };
        int delta = shift(-1);
        x.row[r][c] = value;
        delta += shift(+1);
        const double temperature = start * std::pow(end / start, static_cast<double>(move) / moves);
        if (delta <= 0 ||
            std::uniform_real_distribution<double>(0, 1)(random) < std::exp(-delta / temperature)) {
            cost += delta;
        } else {
            shift(-1);
            x.row[r][c] = old;
            shift(+1);
        }
    }
    return cost == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: quasi_difference_search W [seed = 1] [moves = 100000000]\n");
        return 2;
    }
    const int w = std::atoi(argv[1]);
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
    const std::int64_t moves = argc > 3 ? std::atoll(argv[3]) : 100'000'000;
    if (w < 6) return 2;
    Matrix x{w - 1, std::vector<std::vector<int>>(w + 1, std::vector<int>(columns))};
    const auto started = std::chrono::steady_clock::now();
    const bool found = anneal(x, seed, moves);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (found) {
        std::string line = "    {";
        for (const auto& r : x.row)
            for (int entry : r) line += (entry < 0 ? std::string("-1") : std::to_string(entry)) + ",";
        line.back() = '}';
        std::printf("%s,  // w = %d\n", line.c_str(), w);
    }
    std::fprintf(stderr, "w=%d (seed %llu): %s in %.1f s\n", w, static_cast<unsigned long long>(seed),
                 found ? "found" : "not found", seconds);
    return found ? 0 : 1;
}
