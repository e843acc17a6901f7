#pragma once

#include "domain/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// A product category; categories form a forest through parentId.
struct Category {
    static constexpr std::size_t kMaxNameLength = 100;

    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> parentId;
    std::int64_t version = 1;

    /// A new (id 0, version 1) category with a validated name (field "name", 1..100
    /// characters, trimmed) and a parent id that is positive when given
    /// (Invalid "invalid_parent_id", field "parent_id"). Does not check that the parent
    /// exists or that no cycle forms: that is CategoryTree::canSetParent.
    static Result<Category> create(std::string_view name, std::optional<std::int64_t> parentId);

    friend bool operator==(const Category&, const Category&) = default;
};

/// The parent/child structure of all categories, used to refuse cycles and to expand a
/// category into its subtree. In-memory; not thread-safe.
class CategoryTree {
public:
    /// Adds (or re-adds) `id` under `parentId` (nullopt for a root). No checks.
    void add(std::int64_t id, std::optional<std::int64_t> parentId);
    bool contains(std::int64_t id) const { return m_parent.count(id) != 0; }
    /// Parent of `id`; nullopt for roots and unknown ids.
    std::optional<std::int64_t> parentOf(std::int64_t id) const;
    std::size_t size() const { return m_parent.size(); }

    /// Whether `id` (known or about to be created) may hang under `newParent`.
    /// nullopt is always allowed. Unknown parent: NotFound "category_not_found";
    /// the parent is `id` itself or one of its descendants: Conflict "category_cycle"
    /// (field "parent_id").
    Result<void> canSetParent(std::int64_t id, std::optional<std::int64_t> newParent) const;
    /// Moves `id` under `newParent` (adds it when unknown). Precondition: canSetParent
    /// succeeded; no checks here.
    void setParent(std::int64_t id, std::optional<std::int64_t> newParent);
    /// Removes `id`; its children become roots. Unknown ids are ignored.
    void remove(std::int64_t id);

    /// `id` followed by all its descendants, breadth first, siblings in ascending id
    /// order. Empty when `id` is unknown.
    std::vector<std::int64_t> descendantsOf(std::int64_t id) const;
    bool hasChildren(std::int64_t id) const;

private:
    void unlink(std::int64_t id);

    std::map<std::int64_t, std::optional<std::int64_t>> m_parent;
    std::map<std::int64_t, std::set<std::int64_t>> m_children;
};

} // namespace tosserp::domain
