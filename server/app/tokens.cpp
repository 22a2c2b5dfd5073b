#include "app/tokens.hpp"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace ensemble::app {
namespace {

template <std::size_t N>
std::array<unsigned char, N> random_bytes() {
    std::array<unsigned char, N> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(N)) != 1) throw std::runtime_error("no secure randomness");
    return bytes;
}

}  // namespace

std::string new_token() {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    auto bytes = random_bytes<32>();
    std::string token;
    unsigned bits = 0, buffer = 0;
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 6) token += alphabet[(buffer >> (bits -= 6)) & 63];
    }
    if (bits > 0) token += alphabet[(buffer << (6 - bits)) & 63];
    return token;
}

std::string new_event_id() {
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // 31 symbols: no 0/o, 1/l/i
    auto bytes = random_bytes<10>();
    std::string id;
    for (unsigned char byte : bytes) id += alphabet[byte % 31];
    return id;
}

std::string token_hash(const std::string& token) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char byte : digest) {
        out += hex[byte >> 4];
        out += hex[byte & 15];
    }
    return out;
}

}  // namespace ensemble::app
