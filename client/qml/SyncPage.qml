import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ColumnLayout {
        spacing: 8
        Label {
            text: qsTr("Sync")
            font.pixelSize: 18
        }
        Label { text: qsTr("Server: %1").arg(AppState.serverUrl || qsTr("none")) }
        Label { text: qsTr("Signed in as: %1").arg(AppState.userName || qsTr("nobody")) }
        Label { text: qsTr("Waiting to sync: %1").arg(AppState.pendingCount) }
        Label { text: qsTr("Open conflicts: %1").arg(AppState.conflictCount) }
        Label { text: qsTr("Last sync: %1").arg(AppState.lastSync || qsTr("not in this session")) }
        Label {
            text: AppState.message
            wrapMode: Text.Wrap
        }
        Button {
            text: qsTr("Sync now")
            enabled: !AppState.busy
            onClicked: AppState.syncNow()
        }
    }
}
