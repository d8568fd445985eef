// JsonWriter: writes a JSON text straight into a string, for the responses that are built per
// request at high rates (neighbour pages, ego networks), where building an nlohmann::json tree
// first would cost an allocation per key and value. The output is what nlohmann's dump() would
// give for the same values: strings UTF-8 with invalid bytes replaced by U+FFFD, control
// characters escaped, doubles in shortest form with ".0" on whole numbers, non-finite as null.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::api {

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // In an object: the next key. The caller writes keys in the order it wants them listed.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view text);
  JsonWriter& Uint(uint64_t n);
  JsonWriter& Double(double d);
  JsonWriter& Bool(bool b);
  JsonWriter& Null();
  JsonWriter& Strings(const std::vector<std::string>& list);
  // A value already held as nlohmann::json (small, rare parts of a fast response).
  JsonWriter& Json(const nlohmann::json& value);

  // The text so far; the writer is empty afterwards.
  std::string Take();

 private:
  void Separate();  // the comma before a value or key, when one is due

  std::string out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace actorgraph::api
