#include "cli/plan.hpp"

#include <ostream>

namespace ensemble::cli {

int run_plan(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
    err << "ensemble plan: not built yet (issue 3)\n";
    return 2;
}

}  // namespace ensemble::cli
