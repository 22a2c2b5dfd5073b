#include "net/rest_export.hpp"

#include "net/query.hpp"
#include "net/responses.hpp"

namespace ensemble::net {

Response export_response(const Request& request, const review::EventGraph& graph) {
    auto query = parse_query(request.target());
    auto format = review::format_named(query["format"]);
    if (!format)
        return error_response(request, {domain::ErrorCode::invalid_field,
                                        "format is gexf, graphml, csv-nodes, csv-edges or json", "format"});
    const std::string& pseudonymise = query["pseudonymise"];
    if (pseudonymise != "" && pseudonymise != "0" && pseudonymise != "1")
        return error_response(request,
                              {domain::ErrorCode::invalid_field, "pseudonymise is 0 or 1", "pseudonymise"});

    auto file = review::export_graph(graph, *format, pseudonymise == "1");
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, file.content_type);
    // The file name holds only letters, digits, - and _ (review::export_graph), so it needs no escaping.
    response.set(http::field::content_disposition, "attachment; filename=\"" + file.file_name + "\"");
    response.set(http::field::cache_control, "no-store");
    add_security_headers(response.base());
    response.keep_alive(request.keep_alive());
    response.body() = std::move(file.body);
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();  // the length of a GET, no body
    return response;
}

}  // namespace ensemble::net
