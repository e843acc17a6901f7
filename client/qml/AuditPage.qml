import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

// The audit trail of one product, order or user, as the server recorded it.
Pane {
    AuditModel { id: trail }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label { text: qsTr("Audit trail"); font.pixelSize: 18 }
        RowLayout {
            ComboBox {
                id: kind
                textRole: "label"
                valueRole: "kind"
                model: [ { kind: "product", label: qsTr("Product") },
                         { kind: "order", label: qsTr("Order") },
                         { kind: "user", label: qsTr("User") } ]
                Accessible.name: qsTr("What")
            }
            TextField {
                id: key
                Layout.fillWidth: true
                placeholderText: kind.currentValue === "product" ? qsTr("SKU or barcode") : qsTr("Number")
                onAccepted: trail.show(kind.currentValue, text)
            }
            Button {
                text: qsTr("Show")
                enabled: key.text !== "" && !trail.loading
                onClicked: trail.show(kind.currentValue, key.text)
            }
            BusyIndicator { running: trail.loading; implicitWidth: 24; implicitHeight: 24 }
        }
        Label {
            text: trail.message
            visible: trail.message !== ""
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: trail
            spacing: 4
            delegate: Frame {
                width: ListView.view.width
                required property string time
                required property string type
                required property string domain
                required property string actor
                required property string detail
                ColumnLayout {
                    anchors.fill: parent
                    RowLayout {
                        Label { text: time }
                        Label { text: type; font.bold: true; Layout.fillWidth: true }
                        Label { text: domain + " · " + actor; opacity: 0.8 }
                    }
                    Label {
                        text: detail
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        opacity: 0.8
                    }
                }
            }
        }
    }
}
