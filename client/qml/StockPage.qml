import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    LevelModel { id: levels }

    RowLayout {
        anchors.fill: parent
        spacing: 24

    ColumnLayout {
        id: form
        Layout.preferredWidth: 380
        Layout.maximumWidth: 380
        Layout.alignment: Qt.AlignTop
        spacing: 10

        // The four things a warehouse does to stock; each works offline.
        readonly property var kinds: [
            { kind: "receive", title: qsTr("Receive goods"), action: qsTr("Receive (works offline)") },
            { kind: "move", title: qsTr("Move stock"), action: qsTr("Move (works offline)") },
            { kind: "adjust", title: qsTr("Adjust stock"), action: qsTr("Adjust (works offline)") },
            { kind: "count", title: qsTr("Count stock"), action: qsTr("Record count (works offline)") }
        ]
        readonly property var current: kinds[Math.max(0, kindBar.currentIndex)]
        property var places: AppState.stockLocations()

        Connections {
            target: AppState
            function onDataChanged() { form.places = AppState.stockLocations() }
        }

        TabBar {
            id: kindBar
            Layout.fillWidth: true
            Repeater {
                model: form.kinds
                TabButton {
                    required property var modelData
                    text: modelData.title
                }
            }
            onCurrentIndexChanged: {
                result.text = ""
                code.forceActiveFocus()
            }
        }
        Label {
            text: qsTr("Scan or type a barcode or SKU, then Enter")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        TextField {
            id: code
            objectName: "movementCode"
            Layout.fillWidth: true
            focus: true
            onAccepted: {
                const sku = AppState.skuForCode(text)
                found.text = sku ? qsTr("Found %1").arg(sku) : qsTr("No product with this code")
                if (sku)
                    quantity.forceActiveFocus()
            }
            KeyNavigation.tab: quantity
        }
        Label { id: found; objectName: "movementFound"; opacity: 0.8 }
        Label {
            text: form.current.kind === "adjust" ? qsTr("Change (negative for a loss)")
                : form.current.kind === "count" ? qsTr("Counted quantity") : qsTr("Quantity")
        }
        TextField {
            id: quantity
            objectName: "movementQuantity"
            Layout.fillWidth: true
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            KeyNavigation.tab: location
        }
        Label { text: form.current.kind === "move" ? qsTr("From location") : qsTr("Location") }
        ComboBox {
            id: location
            Layout.fillWidth: true
            model: form.places
            textRole: "label"
            valueRole: "id"
            KeyNavigation.tab: form.current.kind === "move" ? toLocation : reason
        }
        Label { text: qsTr("To location"); visible: toLocation.visible }
        ComboBox {
            id: toLocation
            Layout.fillWidth: true
            visible: form.current.kind === "move"
            model: form.places
            textRole: "label"
            valueRole: "id"
            currentIndex: Math.min(1, count - 1)
            KeyNavigation.tab: reason
        }
        Label {
            text: form.current.kind === "adjust" ? qsTr("Reason (required)") : qsTr("Note (optional)")
        }
        TextField {
            id: reason
            Layout.fillWidth: true
            placeholderText: form.current.kind === "adjust" ? qsTr("damaged, found, expired…") : ""
            KeyNavigation.tab: record
            onAccepted: record.clicked()
        }
        Button {
            id: record
            objectName: "recordMovement"
            text: form.current.action
            highlighted: true
            onClicked: {
                const error = AppState.recordMovement(form.current.kind, code.text, quantity.text,
                    String(location.currentValue), String(toLocation.currentValue), reason.text)
                result.text = error ? error : qsTr("Queued; it goes to the server at the next sync.")
                if (!error) {
                    code.text = ""
                    quantity.text = ""
                    reason.text = ""
                    found.text = ""
                    code.forceActiveFocus()
                }
            }
        }
        Label {
            id: result
            objectName: "movementResult"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Stock on hand")
                font.pixelSize: 18
                Layout.fillWidth: true
            }
            TextField {
                objectName: "levelFilter"
                placeholderText: qsTr("Only this SKU or barcode")
                Layout.preferredWidth: 220
                onTextChanged: levels.productCode = text
            }
        }
        Label {
            visible: levels.count >= levels.limit
            text: qsTr("The first %1 shown; enter a code to narrow").arg(levels.limit)
            opacity: 0.7
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
