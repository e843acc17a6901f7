import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

// Users, roles and API keys (administrators). Accounts live in the Users service: this page
// reads and acts online.
Pane {
    id: page
    UserModel { id: users; objectName: "userModel" }
    readonly property bool mayManage: AppState.permissions.indexOf("users.manage") >= 0
    readonly property bool mayKeys: AppState.permissions.indexOf("api_keys.manage") >= 0
    // The chosen user (a row of the list), or null while a new account is drafted.
    property var selected: null
    // The replica's warehouses, read again after each sync.
    property var warehouseList: AppState.warehouses()
    Connections {
        target: AppState
        function onDataChanged() { page.warehouseList = AppState.warehouses() }
    }

    function reload() { users.refresh() }
    function draftNew() {
        selected = null
        username.text = ""
        displayName.text = ""
        password.text = ""
        setChecks([], [])
        username.forceActiveFocus()
    }
    function choose(row) {
        // A copy: the row's delegate goes away when the list reloads.
        selected = { userId: row.userId, username: row.username, active: row.active,
                     roleList: row.roleList, warehouseIds: row.warehouseIds }
        password.text = ""
        setChecks(row.roleList, row.warehouseIds)
    }
    function setChecks(roles, warehouses) {
        for (let i = 0; i < roleChecks.count; ++i)
            roleChecks.itemAt(i).checked = roles.indexOf(roleChecks.itemAt(i).roleName) >= 0
        for (let j = 0; j < warehouseChecks.count; ++j)
            warehouseChecks.itemAt(j).checked = warehouses.indexOf(warehouseChecks.itemAt(j).warehouseId) >= 0
    }
    function checkedRoles() {
        const out = []
        for (let i = 0; i < roleChecks.count; ++i)
            if (roleChecks.itemAt(i).checked)
                out.push(roleChecks.itemAt(i).roleName)
        return out
    }
    function checkedWarehouses() {
        const out = []
        for (let j = 0; j < warehouseChecks.count; ++j)
            if (warehouseChecks.itemAt(j).checked)
                out.push(warehouseChecks.itemAt(j).warehouseId)
        return out
    }

    Connections {
        target: users
        // A created account leaves the form empty for the next one.
        function onChanged(ok) { if (ok && page.selected === null) page.draftNew() }
    }

    // Accounts live on the server: read them whenever the page is shown to someone allowed.
    onVisibleChanged: if (visible && AppState.signedIn && AppState.permissions.indexOf("users.read") >= 0) reload()
    Connections {
        target: users
        // After a reload the chosen account shows what the server now says of it.
        function onStateChanged() {
            if (!users.loading && page.selected !== null) {
                const fresh = users.user(page.selected.userId)
                if (fresh.userId !== undefined)
                    page.selected = fresh
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: AppState.permissions.indexOf("users.read") < 0
        text: qsTr("Only administrators manage users and roles.")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 16
        visible: AppState.permissions.indexOf("users.read") >= 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "usersTitle"
                    text: qsTr("Users")
                    font.pixelSize: 18
                    Layout.fillWidth: true
                    Layout.minimumWidth: implicitWidth
                }
                BusyIndicator { running: users.loading; implicitWidth: 24; implicitHeight: 24 }
                Button {
                    objectName: "newUserButton"
                    text: qsTr("New user")
                    // Shown by size, not `visible`: a layout on a page not yet shown misses a
                    // child that becomes visible once the permissions arrive.
                    enabled: page.mayManage
                    opacity: enabled ? 1 : 0
                    Layout.maximumWidth: enabled ? implicitWidth : 0
                    onClicked: page.draftNew()
                }
                Button { text: qsTr("Refresh"); onClicked: page.reload() }
            }
            Label {
                objectName: "usersMessage"
                text: users.message
                visible: users.message !== ""
                color: users.failed ? "#b3261e" : palette.windowText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: users
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    id: row
                    objectName: "user_" + username
                    width: ListView.view.width
                    required property var userId
                    required property string username
                    required property string displayName
                    required property bool active
                    required property string roles
                    required property string warehouses
                    required property var roleList
                    required property var warehouseIds
                    highlighted: page.selected !== null && page.selected.userId === userId
                    onClicked: page.choose(row)
                    contentItem: RowLayout {
                        Label { text: row.username; font.bold: true; Layout.preferredWidth: 120; elide: Text.ElideRight }
                        Label { text: row.displayName; Layout.preferredWidth: 150; elide: Text.ElideRight }
                        Label { text: row.roles; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: row.warehouses; Layout.preferredWidth: 90; elide: Text.ElideRight; opacity: 0.7 }
                        Label {
                            text: row.active ? qsTr("active") : qsTr("disabled")
                            color: row.active ? palette.windowText : "#b3261e"
                            Layout.preferredWidth: 70
                        }
                    }
                }
            }

            // API keys: for programs (scanners, shop systems) that call the server.
            ColumnLayout {
                visible: page.mayKeys
                Layout.fillWidth: true
                Label { text: qsTr("API keys"); font.pixelSize: 16 }
                Repeater {
                    model: users.apiKeys
                    delegate: RowLayout {
                        required property var modelData
                        Layout.fillWidth: true
                        Label { text: modelData.name; font.bold: true; Layout.preferredWidth: 140; elide: Text.ElideRight }
                        Label {
                            text: modelData.prefix + "…"
                            font.family: "monospace"
                            Layout.preferredWidth: 190
                            elide: Text.ElideRight
                        }
                        Label {
                            text: modelData.revoked ? qsTr("revoked %1").arg(modelData.revoked)
                                                    : modelData.lastUsed ? qsTr("last used %1").arg(modelData.lastUsed)
                                                                         : qsTr("never used")
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            opacity: 0.7
                        }
                        Button {
                            text: qsTr("Revoke")
                            visible: !modelData.revoked
                            onClicked: users.revokeApiKey(modelData.id)
                        }
                    }
                }
                RowLayout {
                    TextField { id: keyName; placeholderText: qsTr("Key name"); Layout.preferredWidth: 180 }
                    ComboBox {
                        id: keyRole
                        Layout.preferredWidth: 200
                        model: users.availableRoles.map(r => r.name)
                    }
                    Button {
                        text: qsTr("Create key")
                        onClicked: users.createApiKey(keyName.text, [keyRole.currentText])
                    }
                }
                TextField {
                    Layout.fillWidth: true
                    visible: users.newKey !== ""
                    readOnly: true
                    selectByMouse: true
                    font.family: "monospace"
                    text: users.newKey
                }
            }
        }

        Frame {
            Layout.preferredWidth: 340
            Layout.fillHeight: true
            visible: page.mayManage
            ColumnLayout {
                anchors.fill: parent
                spacing: 4
                Label {
                    text: page.selected ? qsTr("User %1").arg(page.selected.username) : qsTr("New user")
                    font.pixelSize: 16
                    font.bold: true
                }
                Label { text: qsTr("Username"); visible: !page.selected }
                TextField { id: username; objectName: "newUsername"; visible: !page.selected; Layout.fillWidth: true; KeyNavigation.tab: displayName }
                Label { text: qsTr("Display name"); visible: !page.selected }
                TextField { id: displayName; objectName: "newDisplayName"; visible: !page.selected; Layout.fillWidth: true; KeyNavigation.tab: password }
                Label { text: page.selected ? qsTr("New password") : qsTr("Password (at least 8 characters)") }
                RowLayout {
                    Layout.fillWidth: true
                    TextField { id: password; objectName: "userPassword"; echoMode: TextInput.Password; Layout.fillWidth: true }
                    Button {
                        text: qsTr("Reset")
                        visible: page.selected !== null
                        onClicked: users.resetPassword(page.selected.userId, password.text)
                    }
                }
                Label { text: qsTr("Roles") }
                Repeater {
                    id: roleChecks
                    model: users.availableRoles
                    delegate: CheckBox {
                        required property var modelData
                        readonly property string roleName: modelData.name
                        objectName: "role_" + modelData.name
                        text: modelData.name + (modelData.scoped ? " · " + qsTr("per warehouse") : "")
                        ToolTip.visible: hovered
                        ToolTip.text: modelData.description
                    }
                }
                Label { text: qsTr("Warehouses (for roles per warehouse)") }
                Flow {
                    Layout.fillWidth: true
                    Repeater {
                        id: warehouseChecks
                        model: page.warehouseList
                        delegate: CheckBox {
                            required property var modelData
                            readonly property var warehouseId: modelData.id
                            objectName: "warehouse_" + modelData.id
                            text: modelData.label
                        }
                    }
                }
                RowLayout {
                    Button {
                        objectName: "saveUser"
                        text: page.selected ? qsTr("Save roles") : qsTr("Create user")
                        highlighted: true
                        onClicked: page.selected
                                   ? users.setAccess(page.selected.userId, page.checkedRoles(), page.checkedWarehouses())
                                   : users.createUser(username.text, displayName.text, password.text,
                                                      page.checkedRoles(), page.checkedWarehouses())
                    }
                    Button {
                        objectName: "toggleActive"
                        visible: page.selected !== null
                        text: page.selected && page.selected.active ? qsTr("Disable") : qsTr("Enable")
                        onClicked: users.setActive(page.selected.userId, !page.selected.active)
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
