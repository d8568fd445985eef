#include "query/parser.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "query/failure.h"
#include "query/lexer.h"

namespace actorgraph::core::query {

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Clause keywords of openCypher (and of its dialects) that the read-only subset refuses.
constexpr std::string_view kUnsupportedClauses[] = {
    "CREATE",  "MERGE", "DELETE", "DETACH",  "SET",    "REMOVE", "CALL",   "UNWIND", "UNION",
    "FOREACH", "LOAD",  "USE",    "PROFILE", "SHOW",   "DROP",   "ALTER",  "GRANT",  "DENY",
    "REVOKE",  "START", "FINISH", "YIELD",   "FILTER", "LET",    "INSERT", "NEXT"};

// Functions of the subset; aggregates are marked.
struct FunctionInfo {
  std::string_view name;  // lower case
  bool aggregate;
  int min_args, max_args;
};
constexpr FunctionInfo kFunctions[] = {
    {"count", true, 1, 1},      {"collect", true, 1, 1},  {"min", true, 1, 1},
    {"max", true, 1, 1},        {"sum", true, 1, 1},      {"avg", true, 1, 1},
    {"size", false, 1, 1},      {"tolower", false, 1, 1}, {"toupper", false, 1, 1},
    {"coalesce", false, 1, 16}, {"type", false, 1, 1},
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  Query ParseQuery() {
    Query q;
    if (IsKeyword("EXPLAIN")) {
      Next();
      q.explain = true;
    }
    while (!At(Tok::kEnd)) {
      if (IsPunct(";")) {
        Next();
        if (!At(Tok::kEnd)) Refuse("unsupported", "several statements in one query", Here());
        break;
      }
      if (!q.clauses.empty() && q.clauses.back().kind == Clause::kReturn) {
        if (IsKeyword("UNION")) Refuse("unsupported", "UNION", Here());
        Refuse("syntax_error", "nothing may follow RETURN, found '" + Peek().text + "'", Here());
      }
      q.clauses.push_back(ParseClause());
    }
    if (q.clauses.empty()) Refuse("syntax_error", "an empty query", 0);
    if (q.clauses.back().kind != Clause::kReturn)
      Refuse("syntax_error", "a query ends with RETURN", q.clauses.back().offset);
    if (q.clauses.front().kind == Clause::kReturn && q.clauses.size() == 1 &&
        q.clauses.front().projection.star)
      Refuse("syntax_error", "RETURN * with nothing to return", q.clauses.front().offset);
    return q;
  }

 private:
  // --- tokens -------------------------------------------------------------------------------
  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  size_t Here() const { return Peek().offset; }
  const Token& Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool At(Tok kind) const { return Peek().kind == kind; }
  bool IsPunct(std::string_view p, size_t ahead = 0) const {
    return Peek(ahead).kind == Tok::kPunct && Peek(ahead).text == p;
  }
  bool IsKeyword(std::string_view k, size_t ahead = 0) const {
    return Peek(ahead).kind == Tok::kIdent && Upper(Peek(ahead).text) == k;
  }
  std::string Describe(const Token& t) const {
    if (t.kind == Tok::kEnd) return "the end of the query";
    if (t.kind == Tok::kString) return "a string";
    return "'" + std::string(text_.substr(t.offset, t.end - t.offset)) + "'";
  }
  void ExpectPunct(std::string_view p, const char* context) {
    if (!IsPunct(p))
      Refuse("syntax_error",
             "expected '" + std::string(p) + "' " + context + ", found " + Describe(Peek()),
             Here());
    Next();
  }
  void ExpectKeyword(std::string_view k) {
    if (!IsKeyword(k))
      Refuse("syntax_error", "expected " + std::string(k) + ", found " + Describe(Peek()), Here());
    Next();
  }
  // A variable, property or alias name (a backquoted name included).
  std::string Name(const char* what) {
    if (!At(Tok::kIdent) && !At(Tok::kQuoted))
      Refuse("syntax_error", std::string("expected ") + what + ", found " + Describe(Peek()),
             Here());
    return Next().text;
  }
  size_t PrevEnd() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].end; }

  // Guards the recursion: every nested construct enters one level.
  struct Level {
    explicit Level(Parser& p) : p(p) {
      if (++p.depth_ > kMaxNesting)
        Refuse("too_deep", "the query nests deeper than " + std::to_string(kMaxNesting) + " levels",
               p.Here());
    }
    ~Level() { --p.depth_; }
    Parser& p;
  };

  // --- clauses ------------------------------------------------------------------------------
  Clause ParseClause() {
    Clause c;
    c.offset = Here();
    if (IsKeyword("OPTIONAL")) {
      Next();
      if (!IsKeyword("MATCH"))
        Refuse("syntax_error", "expected MATCH after OPTIONAL, found " + Describe(Peek()), Here());
      c.optional = true;
    }
    if (IsKeyword("MATCH")) {
      Next();
      c.kind = Clause::kMatch;
      c.patterns.push_back(ParsePath());
      while (IsPunct(",")) {
        Next();
        c.patterns.push_back(ParsePath());
      }
      if (IsKeyword("WHERE")) {
        Next();
        c.where = ParseExpr();
      }
      return c;
    }
    if (IsKeyword("WITH") || IsKeyword("RETURN")) {
      c.kind = IsKeyword("WITH") ? Clause::kWith : Clause::kReturn;
      Next();
      c.projection = ParseProjection(c.kind == Clause::kWith);
      return c;
    }
    if (At(Tok::kIdent)) {
      std::string word = Upper(Peek().text);
      for (std::string_view k : kUnsupportedClauses)
        if (word == k)
          Refuse("unsupported", word + " (the query language is read-only MATCH ... RETURN)",
                 Here());
    }
    Refuse("syntax_error",
           "expected MATCH, OPTIONAL MATCH, WITH or RETURN, found " + Describe(Peek()), Here());
  }

  Projection ParseProjection(bool is_with) {
    Projection p;
    if (IsKeyword("DISTINCT")) {
      Next();
      p.distinct = true;
    }
    if (IsPunct("*")) {
      Next();
      p.star = true;
      if (IsPunct(",")) Refuse("unsupported", "* together with other items", Here());
    } else {
      do {
        if (!p.items.empty()) Next();  // the comma
        ReturnItem item;
        size_t at = Here();
        item.expr = ParseExpr();
        if (IsKeyword("AS")) {
          Next();
          item.alias = Name("a name after AS");
          item.aliased = true;
        } else {
          item.alias = item.expr->text;
          if (is_with && item.expr->kind != ExprKind::kVar)
            Refuse("syntax_error",
                   "an expression in WITH needs a name: " + item.expr->text + " AS name", at);
        }
        p.items.push_back(std::move(item));
      } while (IsPunct(","));
    }
    if (IsKeyword("ORDER")) {
      Next();
      ExpectKeyword("BY");
      do {
        if (!p.order.empty()) Next();
        SortItem s;
        s.expr = ParseExpr();
        if (IsKeyword("DESC") || IsKeyword("DESCENDING")) {
          Next();
          s.descending = true;
        } else if (IsKeyword("ASC") || IsKeyword("ASCENDING")) {
          Next();
        }
        p.order.push_back(std::move(s));
      } while (IsPunct(","));
    }
    if (IsKeyword("SKIP")) {
      Next();
      p.skip = ParseExpr();
    }
    if (IsKeyword("LIMIT")) {
      Next();
      p.limit = ParseExpr();
    }
    if (is_with && IsKeyword("WHERE")) {
      Next();
      p.where = ParseExpr();
    }
    return p;
  }

  // --- patterns -----------------------------------------------------------------------------
  PathPattern ParsePath() {
    if ((At(Tok::kIdent) || At(Tok::kQuoted)) && IsPunct("=", 1))
      Refuse("unsupported", "a named path (" + Peek().text + " = ...)", Here());
    if (At(Tok::kIdent) && IsPunct("(", 1)) {
      std::string lower = Lower(Peek().text);
      if (lower == "allshortestpaths")
        Refuse("unsupported", Peek().text + "() (shortestPath() gives one path)", Here());
      if (lower == "shortestpath") return ParseShortest();
    }
    PathPattern path;
    path.nodes.push_back(ParseNode());
    while (IsPunct("-") || IsPunct("<")) {
      path.rels.push_back(ParseRel());
      path.nodes.push_back(ParseNode());
    }
    return path;
  }

  // shortestPath((a)-[r:types*0|1..n]-(b)): one undirected relationship of bounded length.
  PathPattern ParseShortest() {
    Level level(*this);
    Next();
    ExpectPunct("(", "after shortestPath");
    PathPattern path;
    path.nodes.push_back(ParseNode());
    if (!IsPunct("-") && !IsPunct("<"))
      Refuse("syntax_error", "shortestPath() takes (a)-[*..n]-(b)", Here());
    path.rels.push_back(ParseRel());
    path.nodes.push_back(ParseNode());
    ExpectPunct(")", "to close shortestPath(");
    RelPattern& r = path.rels.back();
    if (r.direction != RelDirection::kBoth)
      Refuse("unsupported", "a directed shortestPath() (paths are undirected: -[*..n]-)", r.offset);
    if (!r.var_length)
      Refuse("syntax_error", "shortestPath() needs a variable length: -[*..n]-", r.offset);
    if (r.min_hops > 1)
      Refuse("unsupported", "a shortestPath() with a lower bound above 1", r.offset);
    if (!r.props.entries.empty())
      Refuse("unsupported", "a property map in shortestPath()", r.offset);
    r.shortest = true;
    return path;
  }

  NodePattern ParseNode() {
    NodePattern n;
    n.offset = Here();
    ExpectPunct("(", "to start a node pattern");
    if (At(Tok::kIdent) || At(Tok::kQuoted)) n.var = Next().text;
    if (IsPunct(":")) {
      n.has_labels = true;
      n.types = ParseLabels(/*node=*/true);
    }
    if (IsPunct("{")) n.props = ParseMap();
    if (IsKeyword("WHERE")) Refuse("unsupported", "WHERE inside a node pattern", Here());
    ExpectPunct(")", "to close the node pattern");
    return n;
  }

  // `:a|b|c` (or `:a|:b`): the union; `:a:b` (a node has one type): the intersection.
  uint8_t ParseLabels(bool node) {
    uint8_t all = 0xff;
    while (IsPunct(":")) {
      Next();
      uint8_t any = 0;
      do {
        if (IsPunct("|")) {
          Next();
          if (IsPunct(":")) Next();
        }
        size_t at = Here();
        bool quoted = At(Tok::kQuoted);
        std::string label = Name(node ? "a node type" : "an edge type");
        if (node) {
          auto type = ParseNodeType(Lower(label));
          if (!type)
            Refuse("unknown_label",
                   "no node type '" + label + "' (person, company, agency, event, location)", at);
          any |= static_cast<uint8_t>(1u << static_cast<int>(*type));
        } else {
          std::string name = Lower(label);
          if (!quoted) std::replace(name.begin(), name.end(), '_', '-');
          auto type = ParseEdgeType(name);
          if (!type)
            Refuse("unknown_label",
                   "no edge type '" + label +
                       "' (works_for, speaks_at, moderates, organizes, part_of, located_in, "
                       "partners_with)",
                   at);
          any |= static_cast<uint8_t>(1u << static_cast<int>(*type));
        }
      } while (IsPunct("|"));
      all &= any;
      if (!node && IsPunct(":"))
        Refuse("syntax_error", "an edge has one type: write :a|b for either", Here());
    }
    return all;
  }

  PropertyMap ParseMap() {
    Level level(*this);
    PropertyMap m;
    ExpectPunct("{", "to start a property map");
    if (!IsPunct("}")) {
      do {
        if (!m.entries.empty()) Next();
        m.offsets.push_back(Here());
        std::string key = Name("a property name");
        ExpectPunct(":", "after a property name");
        m.entries.emplace_back(key, ParseExpr());
      } while (IsPunct(","));
    }
    ExpectPunct("}", "to close the property map");
    return m;
  }

  RelPattern ParseRel() {
    RelPattern r;
    r.offset = Here();
    bool left = false;
    if (IsPunct("<")) {
      Next();
      left = true;
    }
    ExpectPunct("-", "in a relationship pattern");
    if (IsPunct("[")) {
      Next();
      if (At(Tok::kIdent) || At(Tok::kQuoted)) r.var = Next().text;
      if (IsPunct(":")) r.types = ParseLabels(/*node=*/false);
      if (IsPunct("*")) ParseHops(r);
      if (IsPunct("{")) r.props = ParseMap();
      if (IsKeyword("WHERE")) Refuse("unsupported", "WHERE inside a relationship pattern", Here());
      ExpectPunct("]", "to close the relationship pattern");
    }
    ExpectPunct("-", "in a relationship pattern");
    bool right = false;
    if (IsPunct(">")) {
      Next();
      right = true;
    }
    if (left && right)
      Refuse("syntax_error", "a relationship points one way or none: <-[]-> is not one", r.offset);
    r.direction = left ? RelDirection::kLeft : right ? RelDirection::kRight : RelDirection::kBoth;
    return r;
  }

  uint32_t HopCount() {
    size_t at = Here();
    if (!At(Tok::kInt)) Refuse("syntax_error", "expected a number of hops", at);
    uint32_t v = 0;
    const std::string& t = Next().text;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || v > kMaxHops)
      Refuse("unsupported",
             "more than " + std::to_string(kMaxHops) + " hops in a variable-length relationship",
             at);
    return v;
  }

  void ParseHops(RelPattern& r) {
    size_t at = Here();
    Next();  // '*'
    r.var_length = true;
    bool has_min = At(Tok::kInt);
    if (has_min) r.min_hops = HopCount();
    if (IsPunct("..")) {
      Next();
      if (!At(Tok::kInt))
        Refuse("unsupported",
               "a variable-length relationship without an upper bound (write *1..N, N <= " +
                   std::to_string(kMaxHops) + ")",
               at);
      if (!has_min) r.min_hops = 1;
      r.max_hops = HopCount();
    } else if (has_min) {
      r.max_hops = r.min_hops;
    } else {
      Refuse("unsupported",
             "a variable-length relationship without an upper bound (write *1..N, N <= " +
                 std::to_string(kMaxHops) + ")",
             at);
    }
    if (r.min_hops > r.max_hops)
      Refuse("syntax_error", "the lower bound of hops is above the upper bound", at);
  }

  // --- expressions, lowest precedence first -------------------------------------------------
  ExprPtr Make(ExprKind kind, size_t start) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->offset = start;
    return e;
  }
  ExprPtr Finish(ExprPtr e) {
    e->text = std::string(text_.substr(e->offset, PrevEnd() - e->offset));
    return e;
  }
  ExprPtr Binary(ExprKind kind, ExprPtr a, ExprPtr b, std::string op = "") {
    auto e = Make(kind, a->offset);
    e->op = std::move(op);
    e->args.push_back(std::move(a));
    e->args.push_back(std::move(b));
    return Finish(std::move(e));
  }

  ExprPtr ParseExpr() {
    Level level(*this);
    return ParseOr();
  }
  ExprPtr ParseOr() {
    auto e = ParseXor();
    while (IsKeyword("OR")) {
      Next();
      e = Binary(ExprKind::kOr, std::move(e), ParseXor());
    }
    return e;
  }
  ExprPtr ParseXor() {
    auto e = ParseAnd();
    while (IsKeyword("XOR")) {
      Next();
      e = Binary(ExprKind::kXor, std::move(e), ParseAnd());
    }
    return e;
  }
  ExprPtr ParseAnd() {
    auto e = ParseNot();
    while (IsKeyword("AND")) {
      Next();
      e = Binary(ExprKind::kAnd, std::move(e), ParseNot());
    }
    return e;
  }
  ExprPtr ParseNot() {
    if (IsKeyword("NOT")) {
      Level level(*this);
      size_t start = Here();
      Next();
      auto e = Make(ExprKind::kNot, start);
      e->args.push_back(ParseNot());
      return Finish(std::move(e));
    }
    return ParseComparison();
  }
  ExprPtr ParseComparison() {
    auto e = ParseAdditive();
    for (;;) {
      if (IsPunct("=") || IsPunct("<>") || IsPunct("!=") || IsPunct("<") || IsPunct("<=") ||
          IsPunct(">") || IsPunct(">=")) {
        std::string op = Next().text;
        if (op == "!=") op = "<>";
        e = Binary(ExprKind::kCompare, std::move(e), ParseAdditive(), op);
      } else if (IsKeyword("IN")) {
        Next();
        e = Binary(ExprKind::kIn, std::move(e), ParseAdditive());
      } else if (IsKeyword("STARTS")) {
        Next();
        ExpectKeyword("WITH");
        e = Binary(ExprKind::kStartsWith, std::move(e), ParseAdditive());
      } else if (IsKeyword("ENDS")) {
        Next();
        ExpectKeyword("WITH");
        e = Binary(ExprKind::kEndsWith, std::move(e), ParseAdditive());
      } else if (IsKeyword("CONTAINS")) {
        Next();
        e = Binary(ExprKind::kContains, std::move(e), ParseAdditive());
      } else if (IsKeyword("IS")) {
        Next();
        bool negated = false;
        if (IsKeyword("NOT")) {
          Next();
          negated = true;
        }
        ExpectKeyword("NULL");
        auto n = Make(ExprKind::kIsNull, e->offset);
        n->negated = negated;
        n->args.push_back(std::move(e));
        e = Finish(std::move(n));
      } else {
        return e;
      }
    }
  }
  ExprPtr ParseAdditive() {
    auto e = ParseMultiplicative();
    while (IsPunct("+") || IsPunct("-")) {
      std::string op = Next().text;
      e = Binary(ExprKind::kArith, std::move(e), ParseMultiplicative(), op);
    }
    return e;
  }
  ExprPtr ParseMultiplicative() {
    auto e = ParseUnary();
    while (IsPunct("*") || IsPunct("/") || IsPunct("%")) {
      std::string op = Next().text;
      e = Binary(ExprKind::kArith, std::move(e), ParseUnary(), op);
    }
    if (IsPunct("^")) Refuse("unsupported", "the power operator ^", Here());
    return e;
  }
  ExprPtr ParseUnary() {
    if (IsPunct("-") || IsPunct("+")) {
      Level level(*this);
      size_t start = Here();
      bool minus = Next().text == "-";
      auto inner = ParseUnary();
      if (!minus) return inner;
      if (inner->kind == ExprKind::kLiteral && inner->value.is_number()) {
        inner->offset = start;
        inner->value = inner->value.is_int() ? Value(-inner->value.as_int())
                                             : Value(-inner->value.as_number());
        return Finish(std::move(inner));
      }
      auto e = Make(ExprKind::kNeg, start);
      e->args.push_back(std::move(inner));
      return Finish(std::move(e));
    }
    return ParsePostfix();
  }
  ExprPtr ParsePostfix() {
    auto e = ParseAtom();
    for (;;) {
      if (IsPunct(".")) {
        Next();
        auto p = Make(ExprKind::kProp, e->offset);
        p->name = Name("a property name after '.'");
        p->args.push_back(std::move(e));
        e = Finish(std::move(p));
      } else if (IsPunct("[")) {
        Level level(*this);
        Next();
        if (IsPunct("..") || IsPunct("]")) Refuse("unsupported", "list slices", Here());
        auto index = ParseExpr();
        if (IsPunct("..")) Refuse("unsupported", "list slices", Here());
        ExpectPunct("]", "to close the index");
        e = Binary(ExprKind::kIndex, std::move(e), std::move(index));
      } else if (IsPunct(":")) {
        Refuse("unsupported", "label expressions outside a pattern (n:label)", Here());
      } else {
        return e;
      }
    }
  }
  ExprPtr ParseAtom() {
    size_t start = Here();
    const Token& t = Peek();
    switch (t.kind) {
      case Tok::kInt: {
        Next();
        auto e = Make(ExprKind::kLiteral, start);
        int64_t v = 0;
        auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (ec != std::errc()) Refuse("syntax_error", "an integer out of range", start);
        e->value = v;
        return Finish(std::move(e));
      }
      case Tok::kFloat: {
        Next();
        auto e = Make(ExprKind::kLiteral, start);
        e->value = std::strtod(t.text.c_str(), nullptr);
        return Finish(std::move(e));
      }
      case Tok::kString: {
        Next();
        auto e = Make(ExprKind::kLiteral, start);
        e->value = t.text;
        return Finish(std::move(e));
      }
      case Tok::kParam: {
        Next();
        auto e = Make(ExprKind::kParam, start);
        e->name = t.text;
        return Finish(std::move(e));
      }
      case Tok::kQuoted: {
        Next();
        auto e = Make(ExprKind::kVar, start);
        e->name = t.text;
        return Finish(std::move(e));
      }
      case Tok::kPunct:
        if (t.text == "(") {
          Level level(*this);
          Next();
          bool named = At(Tok::kIdent) || At(Tok::kQuoted);
          bool edge_after =
              IsPunct(")", 1) && ((IsPunct("-", 2) && (IsPunct("[", 3) || IsPunct("-", 3))) ||
                                  (IsPunct("<", 2) && IsPunct("-", 3)));
          if (IsPunct(")") || IsPunct(":") || (named && (IsPunct(":", 1) || edge_after)))
            Refuse("unsupported", "a pattern as an expression (use MATCH)", start);
          auto inner = ParseExpr();
          ExpectPunct(")", "to close the parenthesis");
          inner->offset = start;
          return Finish(std::move(inner));
        }
        if (t.text == "[") {
          Level level(*this);
          Next();
          auto e = Make(ExprKind::kList, start);
          if (!IsPunct("]")) {
            do {
              if (!e->args.empty()) Next();
              e->args.push_back(ParseExpr());
              if (IsPunct("|") || IsKeyword("WHERE") || IsKeyword("IN"))
                Refuse("unsupported", "list comprehensions", start);
            } while (IsPunct(","));
          }
          ExpectPunct("]", "to close the list");
          return Finish(std::move(e));
        }
        if (t.text == "{") Refuse("unsupported", "map literals", start);
        break;
      case Tok::kIdent: {
        std::string word = Upper(t.text);
        if (word == "TRUE" || word == "FALSE" || word == "NULL") {
          Next();
          auto e = Make(ExprKind::kLiteral, start);
          if (word != "NULL") e->value = word == "TRUE";
          return Finish(std::move(e));
        }
        if (word == "CASE") Refuse("unsupported", "CASE expressions", start);
        if (word == "EXISTS" && (IsPunct("(", 1) || IsPunct("{", 1)))
          Refuse("unsupported", "EXISTS", start);
        if (word == "COUNT" && IsPunct("{", 1)) Refuse("unsupported", "COUNT { subquery }", start);
        if (IsPunct("(", 1)) return ParseCall();
        {
          size_t k = 1;
          std::string dotted = t.text;
          while (IsPunct(".", k) && Peek(k + 1).kind == Tok::kIdent) {
            dotted += "." + Peek(k + 1).text;
            k += 2;
          }
          if (k > 1 && IsPunct("(", k))
            Refuse("unsupported", "namespaced functions (" + dotted + "())", start);
        }
        static constexpr std::string_view kReserved[] = {
            "MATCH", "RETURN", "WITH", "WHERE", "ORDER", "SKIP",     "LIMIT",
            "AND",   "OR",     "NOT",  "IN",    "AS",    "DISTINCT", "OPTIONAL"};
        for (std::string_view k : kReserved)
          if (word == k)
            Refuse("syntax_error", "expected an expression, found " + Describe(t), start);
        Next();
        auto e = Make(ExprKind::kVar, start);
        e->name = t.text;
        return Finish(std::move(e));
      }
      case Tok::kEnd:
        break;
    }
    Refuse("syntax_error", "expected an expression, found " + Describe(t), start);
  }
  ExprPtr ParseCall() {
    Level level(*this);
    size_t start = Here();
    std::string name = Lower(Next().text);
    const FunctionInfo* info = nullptr;
    for (const auto& f : kFunctions)
      if (f.name == name) info = &f;
    if (!info) Refuse("unsupported", "the function " + tokens_[pos_ - 1].text + "()", start);
    Next();  // '('
    auto e = Make(ExprKind::kCall, start);
    e->name = name;
    if (IsKeyword("DISTINCT")) {
      if (!info->aggregate)
        Refuse("syntax_error", "DISTINCT in a function that is no aggregate", Here());
      Next();
      e->distinct = true;
    }
    if (name == "count" && IsPunct("*")) {
      Next();
      e->star = true;
    } else if (!IsPunct(")")) {
      do {
        if (!e->args.empty()) Next();
        e->args.push_back(ParseExpr());
      } while (IsPunct(","));
    }
    ExpectPunct(")", "to close the function call");
    int n = e->star ? 1 : static_cast<int>(e->args.size());
    if (n < info->min_args || n > info->max_args)
      Refuse("syntax_error",
             name + "() takes " + std::to_string(info->min_args) +
                 (info->max_args != info->min_args ? " or more" : "") + " argument(s)",
             start);
    return Finish(std::move(e));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

bool IsAggregateFunction(std::string_view lower_name) {
  for (const auto& f : kFunctions)
    if (f.name == lower_name) return f.aggregate;
  return false;
}

Query Parse(std::string_view text) {
  Parser parser(text, Lex(text));
  return parser.ParseQuery();
}

}  // namespace actorgraph::core::query
