#pragma once

#include <QQuickItem>
#include <QString>

namespace tosserp::test {

/// The visual item called `name` under `root`, searched through the item tree (which, unlike
/// QObject::findChild, also holds the items a Repeater made); nullptr when there is none.
inline QQuickItem* findItem(QQuickItem* root, const QString& name)
{
    if (root->objectName() == name) {
        return root;
    }
    for (auto* child : root->childItems()) {
        if (auto* found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

} // namespace tosserp::test
