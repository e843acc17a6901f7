import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ProductModel { id: lookup }

    ColumnLayout {
        width: Math.min(parent.width, 520)
        spacing: 10
        Label {
            text: qsTr("Receive goods")
            font.pixelSize: 18
        }
        Label { text: qsTr("Scan or type a barcode or SKU, then Enter") }
        TextField {
            id: code
            Layout.fillWidth: true
            focus: true
            onAccepted: {
                const sku = lookup.skuForCode(text)
                found.text = sku ? qsTr("Found %1").arg(sku) : qsTr("No product with this code")
                if (sku)
                    quantity.forceActiveFocus()
            }
            KeyNavigation.tab: quantity
        }
        Label { id: found; opacity: 0.8 }
        Label { text: qsTr("Quantity") }
        TextField {
            id: quantity
            Layout.fillWidth: true
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            KeyNavigation.tab: location
        }
        Label { text: qsTr("Location id") }
        TextField {
            id: location
            Layout.fillWidth: true
            text: "5"
            KeyNavigation.tab: receive
        }
        Button {
            id: receive
            text: qsTr("Receive (works offline)")
            highlighted: true
            onClicked: {
                const error = AppState.receive(code.text, quantity.text, location.text)
                result.text = error ? error : qsTr("Queued; it goes to the server at the next sync.")
                if (!error) {
                    code.text = ""
                    quantity.text = ""
                    code.forceActiveFocus()
                }
            }
        }
        Label {
            id: result
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
    }
}
