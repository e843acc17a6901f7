import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ConflictModel { id: conflicts }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: qsTr("Sync")
            font.pixelSize: 18
        }
        Label { text: qsTr("Server: %1").arg(AppState.serverUrl || qsTr("none")) }
        Label { text: qsTr("Signed in as: %1").arg(AppState.userName || qsTr("nobody")) }
        Label { text: qsTr("Waiting to sync: %1").arg(AppState.pendingCount) }
        Label { text: qsTr("Last sync: %1").arg(AppState.lastSync || qsTr("not in this session")) }
        Label {
            text: AppState.message
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("Sync now")
            enabled: !AppState.busy
            onClicked: AppState.syncNow()
        }
        Label {
            text: conflicts.count === 0 ? qsTr("No conflicts.")
                                        : qsTr("%n conflict(s): someone else changed the same field. Keep one.", "", conflicts.count)
            font.pixelSize: 16
            Layout.topMargin: 12
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: conflicts
            spacing: 6
            delegate: Frame {
                width: ListView.view.width
                required property var conflictId
                required property string product
                required property string field
                required property string base
                required property string mine
                required property string theirs
                GridLayout {
                    anchors.fill: parent
                    columns: 4
                    Label { text: product + " · " + field; font.bold: true; Layout.columnSpan: 4 }
                    Label { text: qsTr("Was") }
                    Label { text: base; Layout.fillWidth: true; Layout.columnSpan: 3; elide: Text.ElideRight }
                    Label { text: qsTr("Mine") }
                    Label { text: mine; Layout.fillWidth: true; elide: Text.ElideRight }
                    Button { text: qsTr("Keep mine"); onClicked: conflicts.resolve(conflictId, true) }
                    Item { implicitWidth: 1 }
                    Label { text: qsTr("Theirs") }
                    Label { text: theirs; Layout.fillWidth: true; elide: Text.ElideRight }
                    Button { text: qsTr("Keep theirs"); onClicked: conflicts.resolve(conflictId, false) }
                    Item { implicitWidth: 1 }
                }
            }
        }
    }
}
