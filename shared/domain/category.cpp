#include "domain/category.h"

#include "domain/text.h"

#include <deque>

namespace tosserp::domain {

Result<Category> Category::create(std::string_view name, std::optional<std::int64_t> parentId)
{
    auto validName = validateName(name, "name", kMaxNameLength);
    if (!validName)
        return validName.error();
    if (parentId && *parentId <= 0)
        return invalid("invalid_parent_id", "The parent category id must be positive.", "parent_id");
    Category category;
    category.name = std::move(validName).value();
    category.parentId = parentId;
    return category;
}

void CategoryTree::add(std::int64_t id, std::optional<std::int64_t> parentId)
{
    setParent(id, parentId);
}

std::optional<std::int64_t> CategoryTree::parentOf(std::int64_t id) const
{
    const auto it = m_parent.find(id);
    return it == m_parent.end() ? std::nullopt : it->second;
}

Result<void> CategoryTree::canSetParent(std::int64_t id, std::optional<std::int64_t> newParent) const
{
    if (!newParent)
        return {};
    if (*newParent == id)
        return conflict("category_cycle", "A category cannot be its own parent.", "parent_id");
    if (!contains(*newParent))
        return notFound("category_not_found", "The parent category " + std::to_string(*newParent) + " does not exist.");
    // Walk up from the new parent: meeting `id` means the parent lies inside id's subtree.
    std::optional<std::int64_t> cursor = newParent;
    std::size_t steps = 0;
    while (cursor && steps <= m_parent.size()) {
        if (*cursor == id)
            return conflict(
                "category_cycle", "A category cannot be moved under one of its own subcategories.", "parent_id");
        cursor = parentOf(*cursor);
        ++steps;
    }
    return {};
}

void CategoryTree::unlink(std::int64_t id)
{
    const auto it = m_parent.find(id);
    if (it == m_parent.end() || !it->second)
        return;
    auto children = m_children.find(*it->second);
    if (children != m_children.end()) {
        children->second.erase(id);
        if (children->second.empty())
            m_children.erase(children);
    }
}

void CategoryTree::setParent(std::int64_t id, std::optional<std::int64_t> newParent)
{
    unlink(id);
    m_parent[id] = newParent;
    if (newParent)
        m_children[*newParent].insert(id);
}

void CategoryTree::remove(std::int64_t id)
{
    if (!contains(id))
        return;
    unlink(id);
    m_parent.erase(id);
    const auto children = m_children.find(id);
    if (children != m_children.end()) {
        for (auto child : children->second)
            m_parent[child] = std::nullopt;
        m_children.erase(children);
    }
}

std::vector<std::int64_t> CategoryTree::descendantsOf(std::int64_t id) const
{
    std::vector<std::int64_t> out;
    if (!contains(id))
        return out;
    std::deque<std::int64_t> queue { id };
    while (!queue.empty()) {
        const auto current = queue.front();
        queue.pop_front();
        out.push_back(current);
        const auto children = m_children.find(current);
        if (children != m_children.end())
            queue.insert(queue.end(), children->second.begin(), children->second.end());
    }
    return out;
}

bool CategoryTree::hasChildren(std::int64_t id) const
{
    return m_children.count(id) != 0;
}

} // namespace tosserp::domain
