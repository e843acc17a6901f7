#include "server/db/dialect.h"

#include <cctype>
#include <functional>
#include <regex>

namespace tosserp::db {

namespace {

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool startsWordAt(std::string_view sql, std::size_t at, std::string_view word)
{
    if (at + word.size() > sql.size() || (at > 0 && isWordChar(sql[at - 1]))) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(sql[at + i])) != word[i]) {
            return false;
        }
    }
    return at + word.size() == sql.size() || !isWordChar(sql[at + word.size()]);
}

/// Where the quoted text starting at `at` (a ' or ") ends, just past its closing quote.
std::size_t skipQuoted(std::string_view sql, std::size_t at)
{
    const char quote = sql[at];
    for (std::size_t i = at + 1; i < sql.size(); ++i) {
        if (sql[i] == quote) {
            if (i + 1 < sql.size() && sql[i + 1] == quote) {
                ++i; // a doubled quote stands for itself
                continue;
            }
            return i + 1;
        }
    }
    return sql.size();
}

/// Where the comment starting at `at` ends (past its line for `--`, past `*/` for `/*`), or
/// `at` when no comment starts there.
std::size_t skipComment(std::string_view sql, std::size_t at)
{
    if (sql.substr(at, 2) == "--") {
        const auto end = sql.find('\n', at);
        return end == std::string_view::npos ? sql.size() : end + 1;
    }
    if (sql.substr(at, 2) == "/*") {
        const auto end = sql.find("*/", at + 2);
        return end == std::string_view::npos ? sql.size() : end + 2;
    }
    return at;
}

/// Whether the parenthesis opening at `open` holds a comma at its own depth.
bool hasTopLevelComma(std::string_view sql, std::size_t open)
{
    int depth = 0;
    for (std::size_t i = open; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            i = skipQuoted(sql, i) - 1;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0) {
                return false;
            }
        } else if (c == ',' && depth == 1) {
            return true;
        }
    }
    return false;
}

/// "(?N IS NULL OR expr)" as "(expr OR ?N IS NULL)": PostgreSQL gives a parameter the type of
/// its first use, and `IS NULL` tells it none, while the comparison in `expr` does. Same truth.
std::string optionalFiltersLast(std::string_view sql)
{
    static const std::regex optional(R"(\(\s*\?(\d+)\s+IS\s+NULL\s+OR\s+)", std::regex::icase);
    std::string text(sql);
    std::size_t from = 0;
    std::smatch match;
    while (from < text.size()
        && std::regex_search(text.cbegin() + static_cast<std::ptrdiff_t>(from), text.cend(), match, optional)) {
        const auto open = from + static_cast<std::size_t>(match.position(0));
        const auto exprStart = open + static_cast<std::size_t>(match.length(0));
        // The parenthesis that closes the filter.
        int depth = 1;
        std::size_t close = exprStart;
        for (; close < text.size() && depth > 0; ++close) {
            if (text[close] == '\'' || text[close] == '"') {
                close = skipQuoted(text, close) - 1;
            } else if (text[close] == '(') {
                ++depth;
            } else if (text[close] == ')') {
                --depth;
            }
        }
        if (depth != 0) {
            break;
        }
        const auto expr = text.substr(exprStart, close - 1 - exprStart);
        const auto placeholder = "?" + match[1].str();
        if (expr.find(placeholder) != std::string::npos && expr.find(placeholder + " IS") == std::string::npos) {
            text.replace(open, close - open, "(" + expr + " OR " + placeholder + " IS NULL)");
        }
        from = open + 1;
    }
    return text;
}

/// Rewrites every call of the function `name` (outside quotes) with `rewrite(arguments)`.
std::string rewriteCalls(
    const std::string& sql, std::string_view name, const std::function<std::string(const std::string&)>& rewrite)
{
    std::string out;
    std::size_t i = 0;
    while (i < sql.size()) {
        if (sql[i] == '\'' || sql[i] == '"') {
            const auto end = skipQuoted(sql, i);
            out.append(sql, i, end - i);
            i = end;
            continue;
        }
        if (startsWordAt(sql, i, name) && i + name.size() < sql.size() && sql[i + name.size()] == '(') {
            const auto open = i + name.size();
            int depth = 0;
            std::size_t close = open;
            for (; close < sql.size(); ++close) {
                if (sql[close] == '\'' || sql[close] == '"') {
                    close = skipQuoted(sql, close) - 1;
                } else if (sql[close] == '(') {
                    ++depth;
                } else if (sql[close] == ')' && --depth == 0) {
                    break;
                }
            }
            out += rewrite(rewriteCalls(sql.substr(open + 1, close - open - 1), name, rewrite));
            i = close + 1;
            continue;
        }
        out += sql[i++];
    }
    return out;
}

std::string toPostgres(std::string_view original)
{
    // A list of ids passed as one JSON array parameter: SQLite's json_each, PostgreSQL's
    // json_array_elements_text (whose text values are cast to the ids' type).
    static const std::regex idList(R"(SELECT\s+value\s+FROM\s+json_each\((\?\d*)\))", std::regex::icase);
    auto lists = std::regex_replace(
        optionalFiltersLast(original), idList, "SELECT value::bigint FROM json_array_elements_text($1::json) AS value");
    // JSON built in a query: an array per row, and the rows' arrays gathered ("[]" for none).
    lists = rewriteCalls(lists, "json_array", [](const std::string& args) { return "json_build_array(" + args + ")"; });
    lists = rewriteCalls(lists, "json_group_array",
        [](const std::string& args) { return "COALESCE(json_agg(" + args + ")::text, '[]')"; });
    const auto& reordered = lists;
    const std::string_view sql = reordered;
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 0;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            const auto end = skipQuoted(sql, i);
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (const auto comment = skipComment(sql, i); comment != i) {
            out.append(sql.substr(i, comment - i)); // a `?` in a comment is no placeholder
            i = comment;
        } else if (c == '?') {
            std::size_t digits = i + 1;
            while (digits < sql.size() && std::isdigit(static_cast<unsigned char>(sql[digits]))) {
                ++digits;
            }
            out += '$';
            out += digits > i + 1 ? std::string(sql.substr(i + 1, digits - i - 1)) : std::to_string(++next);
            i = digits;
        } else if (startsWordAt(sql, i, "like")) {
            // SQLite's LIKE ignores case (ASCII); PostgreSQL's ILIKE does.
            out += "ILIKE";
            i += 4;
        } else if ((startsWordAt(sql, i, "max") || startsWordAt(sql, i, "min")) && i + 3 < sql.size()
            && sql[i + 3] == '(' && hasTopLevelComma(sql, i + 3)) {
            out += std::tolower(static_cast<unsigned char>(sql[i + 1])) == 'a' ? "GREATEST" : "LEAST";
            i += 3;
        } else {
            out += c;
            ++i;
        }
    }
    // INSERT OR IGNORE: the row is left out when it would break a unique key.
    static const std::regex orIgnore(R"(^\s*INSERT\s+OR\s+IGNORE\s+INTO\b)", std::regex::icase);
    if (std::regex_search(out, orIgnore)) {
        out = std::regex_replace(out, orIgnore, "INSERT INTO", std::regex_constants::format_first_only);
        while (!out.empty() && (out.back() == ';' || std::isspace(static_cast<unsigned char>(out.back())))) {
            out.pop_back();
        }
        out += " ON CONFLICT DO NOTHING";
    }
    return out;
}

} // namespace

std::string statementFor(Dialect dialect, std::string_view sql)
{
    return dialect == Dialect::Sqlite ? std::string(sql) : toPostgres(sql);
}

std::string schemaFor(Dialect dialect, std::string_view sql)
{
    if (dialect == Dialect::Sqlite) {
        return std::string(sql);
    }
    static const std::pair<std::regex, const char*> rules[] = {
        { std::regex(R"(\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b)"),
            "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" },
        { std::regex(R"(\bINTEGER\b)"), "BIGINT" },
        { std::regex(R"(\bREAL\b)"), "DOUBLE PRECISION" },
        { std::regex(R"(\bBLOB\b)"), "BYTEA" },
        { std::regex(R"(\s*\bWITHOUT\s+ROWID\b)"), "" },
        // 32 random hexadecimal digits (an identity made once, at migration).
        { std::regex(R"(lower\(hex\(randomblob\(16\)\)\))"), "replace(gen_random_uuid()::text, '-', '')" },
    };
    // Only what is outside quotes is SQL to translate; a default value 'INTEGER' stays text.
    std::string out;
    std::size_t i = 0;
    while (i < sql.size()) {
        auto quote = sql.find_first_of("'\"", i);
        if (quote == std::string_view::npos) {
            quote = sql.size();
        }
        std::string plain(sql.substr(i, quote - i));
        for (const auto& [pattern, replacement] : rules) {
            plain = std::regex_replace(plain, pattern, replacement);
        }
        out += plain;
        if (quote < sql.size()) {
            const auto end = skipQuoted(sql, quote);
            out.append(sql.substr(quote, end - quote));
            i = end;
        } else {
            i = quote;
        }
    }
    return out;
}

std::string identitiesCatchUp(Dialect dialect)
{
    if (dialect == Dialect::Sqlite) {
        return {};
    }
    return R"sql(
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT table_name, column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP
        -- Past the largest key, and never back: keys handed out and then deleted stay used.
        EXECUTE format('SELECT setval(%1$L, GREATEST(COALESCE((SELECT max(%2$I) FROM %3$I), 0), '
                       '(SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM %1$s)) + 1, false)',
                       pg_get_serial_sequence(r.table_name, r.column_name), r.column_name, r.table_name);
    END LOOP;
END
$$;
)sql";
}

} // namespace tosserp::db
