import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ColumnLayout {
        spacing: 8
        Label {
            text: qsTr("About")
            font.pixelSize: 18
        }
        Label { text: qsTr("TossErp %1").arg(AppState.version) }
        Label { text: qsTr("Products in this replica: %1").arg(AppState.productCount) }
    }
}
