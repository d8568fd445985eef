#include "reader_dates.h"

#include <cctype>

#include "text_dates.h"

namespace actorgraph::importers {
namespace {

constexpr size_t kMaxFieldBytes = 200;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "20030610": a field that is a date written as eight digits and nothing else.
std::string CompactDate(std::string_view field) {
  if (field.size() != 8) return "";
  int v[3] = {0, 0, 0};
  for (size_t i = 0; i < 8; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(field[i]))) return "";
    int& part = v[i < 4 ? 0 : i < 6 ? 1 : 2];
    part = part * 10 + (field[i] - '0');
  }
  return IsCalendarDate(v[0], v[1], v[2]) ? IsoDate(v[0], v[1], v[2]) : "";
}

}  // namespace

std::string NormaliseDate(std::string_view text) {
  std::string_view field = Trim(text.substr(0, kMaxFieldBytes));
  if (std::string compact = CompactDate(field); !compact.empty()) return compact;
  std::optional<DateMention> first = FirstDate(field);
  return first ? first->iso : "";
}

}  // namespace actorgraph::importers
