import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

ApplicationWindow {
    id: window
    width: 1100
    height: 720
    visible: true
    title: qsTr("TossErp")
    palette.window: AppState.darkTheme ? "#1f1f1f" : "#efefef"
    palette.windowText: AppState.darkTheme ? "#e8e8e8" : "#1a1a1a"
    palette.base: AppState.darkTheme ? "#2a2a2a" : "#ffffff"
    palette.text: AppState.darkTheme ? "#e8e8e8" : "#1a1a1a"
    palette.button: AppState.darkTheme ? "#333333" : "#e0e0e0"
    palette.buttonText: AppState.darkTheme ? "#e8e8e8" : "#1a1a1a"

    property alias currentPage: pages.currentIndex

    header: ToolBar {
        visible: AppState.signedIn
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            Label {
                text: qsTr("TossErp")
                font.bold: true
            }
            TabBar {
                id: tabs
                Layout.fillWidth: true
                // The pages this user may see, each with its place in the stack below.
                readonly property var shown: [
                    { title: qsTr("Dashboard"), page: 0 },
                    { title: qsTr("Catalog"), page: 1 },
                    { title: qsTr("Stock"), page: 2 },
                    { title: qsTr("Orders"), page: 3 },
                    // Administrators only: what a role may not do is not offered.
                    { title: qsTr("Users"), page: 4, permission: "users.read" },
                    { title: qsTr("Audit"), page: 5 },
                    { title: qsTr("Sync"), page: 6 },
                    { title: qsTr("Settings"), page: 7 }
                ].filter(tab => !tab.permission || AppState.permissions.indexOf(tab.permission) >= 0)
                currentIndex: shown.findIndex(tab => tab.page === pages.currentIndex)
                onCurrentIndexChanged: {
                    if (currentIndex >= 0 && currentIndex < shown.length && shown[currentIndex].page !== pages.currentIndex)
                        pages.currentIndex = shown[currentIndex].page
                }
                Repeater {
                    model: tabs.shown
                    TabButton {
                        required property var modelData
                        text: modelData.page === 6 && AppState.conflictCount > 0
                              ? modelData.title + " (" + AppState.conflictCount + ")" : modelData.title
                    }
                }
            }
            Button {
                text: AppState.busy ? qsTr("Syncing…") : qsTr("Sync now")
                enabled: !AppState.busy
                onClicked: AppState.syncNow()
            }
        }
    }

    footer: ToolBar {
        Label {
            anchors.fill: parent
            anchors.leftMargin: 12
            verticalAlignment: Text.AlignVCenter
            objectName: "statusBar"
            // While a sync runs it says how far it got; otherwise whether work is synced.
            text: AppState.busy && AppState.message ? AppState.message
                  : AppState.pendingCount === 0
                  ? qsTr("All work synced") + (AppState.lastSync ? " · " + qsTr("last sync %1").arg(AppState.lastSync) : "")
                  : qsTr("%n change(s) waiting to sync", "", AppState.pendingCount)
            elide: Text.ElideRight
        }
    }

    Shortcut { sequence: "Ctrl+R"; onActivated: AppState.syncNow() }
    Shortcut { sequence: "Ctrl+F"; onActivated: { pages.currentIndex = 1; catalog.focusSearch() } }
    Shortcut { sequence: StandardKey.New; enabled: pages.currentIndex !== 1; onActivated: { pages.currentIndex = 1; catalog.newProduct() } }

    SignInPage {
        anchors.fill: parent
        visible: !AppState.signedIn
    }

    StackLayout {
        id: pages
        anchors.fill: parent
        visible: AppState.signedIn
        DashboardPage {}
        CatalogPage { id: catalog }
        StockPage {}
        OrdersPage {}
        UsersPage {}
        AuditPage {}
        SyncPage {}
        SettingsPage {}
    }
}
