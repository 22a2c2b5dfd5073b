#pragma once
// The SAT plumbing of kirkman_search's data routes: a formula in DIMACS and a run of an external solver
// (Debian's cadical by default).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

// A formula in conjunctive normal form, written in DIMACS for a SAT solver.
class Formula {
  public:
    int fresh() { return ++variables_; }
    int variables() const { return variables_; }
    void add(std::initializer_list<int> clause) { add(std::vector<int>(clause)); }
    void add(const std::vector<int>& clause) {
        literals_.insert(literals_.end(), clause.begin(), clause.end());
        literals_.push_back(0);
        ++clauses_;
    }
    // At most k of `literals` (Sinz's sequential counter: s[i][j], "j + 1 of the first i + 1 are true").
    void at_most(const std::vector<int>& literals, int k) {
        const std::size_t m = literals.size();
        if (m <= static_cast<std::size_t>(k)) return;
        if (k == 0) {
            for (int x : literals) add({-x});
            return;
        }
        std::vector<std::vector<int>> s(m, std::vector<int>(k));
        for (auto& row : s)
            for (int& x : row) x = fresh();
        for (std::size_t i = 0; i < m; ++i) {
            add({-literals[i], s[i][0]});
            if (i == 0) continue;
            for (int j = 0; j < k; ++j) add({-s[i - 1][j], s[i][j]});
            for (int j = 1; j < k; ++j) add({-literals[i], -s[i - 1][j - 1], s[i][j]});
            add({-literals[i], -s[i - 1][k - 1]});
        }
    }
    // Exactly `count` of `literals`: at most `count` of them, and at most the rest of their negations.
    void exactly(const std::vector<int>& literals, int count) {
        at_most(literals, count);
        std::vector<int> negated;
        for (int x : literals) negated.push_back(-x);
        at_most(negated, static_cast<int>(literals.size()) - count);
    }
    // Exactly one of `literals`: at least one, then at most one.
    void exactly_one(const std::vector<int>& literals) {
        add(literals);
        at_most(literals, 1);
    }
    bool write(const std::string& path) const {
        std::FILE* out = std::fopen(path.c_str(), "w");
        if (!out) return false;
        std::fprintf(out, "p cnf %d %lld\n", variables_, static_cast<long long>(clauses_));
        for (int literal : literals_) std::fprintf(out, literal ? "%d " : "0\n", literal);
        return std::fclose(out) == 0;
    }

  private:
    int variables_ = 0;
    std::int64_t clauses_ = 0;
    std::vector<int> literals_;  // the clauses, each ended by 0
};

// Runs `solver file.cnf` (printing a DIMACS model, as Debian's cadical does) on the formula: the value of
// each variable (index 0 unused), or none when the solver finds no model.
inline std::vector<char> solve(const Formula& formula, const std::string& solver, const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string unique = name + "_" + std::to_string(getpid());  // two searches may run at once
    const std::string cnf = dir / (unique + ".cnf"), model = dir / (unique + ".model");
    if (!formula.write(cnf)) return {};
    std::system((solver + " " + cnf + " > " + model).c_str());  // cadical exits 10 on a model
    std::ifstream in(model);
    std::vector<char> value(formula.variables() + 1, 0);
    bool satisfiable = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("s ", 0) == 0) std::fprintf(stderr, "solver: %s\n", line.c_str() + 2);
        if (line.rfind("s SATISFIABLE", 0) == 0) satisfiable = true;
        if (line.rfind("v ", 0) != 0) continue;
        std::istringstream values(line.substr(2));
        for (int x; values >> x;)
            if (x > 0 && x < static_cast<int>(value.size())) value[x] = 1;
    }
    std::remove(cnf.c_str());
    std::remove(model.c_str());
    return satisfiable ? value : std::vector<char>{};
}
