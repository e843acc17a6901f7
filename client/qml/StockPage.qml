import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ProductModel { id: lookup }
    LevelModel { id: levels }

    RowLayout {
        anchors.fill: parent
        spacing: 24

    ColumnLayout {
        Layout.preferredWidth: 380
        Layout.maximumWidth: 380
        Layout.alignment: Qt.AlignTop
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

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Label {
            text: qsTr("Stock on hand")
            font.pixelSize: 18
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: levels
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                width: ListView.view.width
                required property string sku
                required property string name
                required property string location
                required property string onHand
                required property string pending
                contentItem: RowLayout {
                    Label { text: sku; Layout.preferredWidth: 110; font.family: "monospace" }
                    Label { text: name; Layout.fillWidth: true; elide: Text.ElideRight }
                    Label { text: location; Layout.preferredWidth: 80 }
                    Label { text: onHand; Layout.preferredWidth: 60; horizontalAlignment: Text.AlignRight }
                    Label {
                        text: pending ? qsTr("(%1 pending)").arg(pending) : ""
                        Layout.preferredWidth: 110
                        color: "#8a5a00"
                    }
                }
            }
        }
    }
    }
}
