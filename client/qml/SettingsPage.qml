import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ColumnLayout {
        spacing: 8
        Label {
            text: qsTr("Settings")
            font.pixelSize: 18
        }
        Label { text: qsTr("Language") }
        ComboBox {
            id: language
            Layout.preferredWidth: 260
            textRole: "name"
            valueRole: "code"
            model: [
                { code: "", name: qsTr("As the system") },
                { code: "en", name: "English" },
                { code: "de", name: "Deutsch" },
                { code: "fr", name: "Français" },
                { code: "es", name: "Español" }
            ]
            Component.onCompleted: currentIndex = indexOfValue(AppState.language)
            onActivated: AppState.setLanguage(currentValue)
        }
        Switch {
            text: qsTr("Dark theme")
            checked: AppState.darkTheme
            onToggled: AppState.darkTheme = checked
        }
        Label {
            text: qsTr("About")
            font.pixelSize: 18
            Layout.topMargin: 16
        }
        Label { text: qsTr("TossErp %1").arg(AppState.version) }
        Label { text: qsTr("Server: %1").arg(AppState.serverUrl || qsTr("none")) }
        Label {
            objectName: "serverVersion"
            text: AppState.serverVersion
                  ? qsTr("Server version %1, sync protocol %2").arg(AppState.serverVersion).arg(AppState.serverProtocol)
                  : qsTr("Server version: known after the next sync")
        }
        Label { text: qsTr("This client speaks sync protocol %1").arg(AppState.protocolVersion) }
        Label { text: qsTr("Products in this replica: %1").arg(AppState.productCount) }
    }
}
