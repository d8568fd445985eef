// Content checks shared by the readers and the source walker. Header-only.
#pragma once

#include <cstddef>
#include <string_view>

namespace actorgraph::importers {

// True when `data` is not text: it has a NUL byte, or more than 10% control characters,
// in its first 8 KiB. UTF-8 and legacy 8-bit encodings count as text.
inline bool LooksBinary(std::string_view data) {
  constexpr size_t kWindow = 8192;
  std::string_view head = data.substr(0, kWindow);
  size_t control = 0;
  for (char ch : head) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    control += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B;
  }
  return control * 10 > head.size();
}

}  // namespace actorgraph::importers
