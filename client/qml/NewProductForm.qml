import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

// Creates a product on the server (online); the next sync brings it into the replica.
Frame {
    id: form
    required property CatalogActions actions
    property var errors: ({})
    signal closed()

    function start() {
        for (const field of [sku, name, price, barcodes])
            field.text = ""
        currency.text = "EUR"
        unit.text = "pcs"
        category.currentIndex = 0
        errors = {}
        sku.forceActiveFocus()
    }
    function save() {
        const categoryId = category.currentValue || 0
        errors = form.actions.createProduct(sku.text, name.text, price.text, currency.text, unit.text,
                                            categoryId, barcodes.text)
    }
    function fieldError(field) { return form.errors[field] || form.actions.fieldErrors[field] || "" }

    Shortcut { sequence: StandardKey.Save; enabled: form.visible && !form.actions.working; onActivated: form.save() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        Label { text: qsTr("New product"); font.pixelSize: 16; font.bold: true }
        Label { text: qsTr("SKU") }
        TextField { id: sku; objectName: "newSku"; Layout.fillWidth: true; KeyNavigation.tab: name }
        Label { text: form.fieldError("sku"); color: "#b3261e"; visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("Name") }
        TextField { id: name; objectName: "newName"; Layout.fillWidth: true; KeyNavigation.tab: price }
        Label { text: form.fieldError("name"); color: "#b3261e"; visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("Price and currency") }
        RowLayout {
            TextField {
                id: price
                objectName: "newPrice"
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                KeyNavigation.tab: currency
            }
            TextField { id: currency; Layout.preferredWidth: 60; KeyNavigation.tab: unit }
        }
        Label { text: form.fieldError("price") || form.fieldError("currency"); color: "#b3261e"; visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("Unit and category") }
        RowLayout {
            TextField { id: unit; Layout.preferredWidth: 60; KeyNavigation.tab: category }
            ComboBox {
                id: category
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "id"
                model: [{ id: 0, label: qsTr("No category") }].concat(form.actions.categories)
                KeyNavigation.tab: barcodes
            }
        }
        Label { text: form.fieldError("unit") || form.fieldError("category"); color: "#b3261e"; visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Label { text: qsTr("Barcodes (scan or type, separated by spaces)") }
        TextField {
            id: barcodes
            Layout.fillWidth: true
            KeyNavigation.tab: createButton
            // A scanner ends its code with Enter: keep the code and wait for the next one.
            onAccepted: text = text.trim() + " "
        }
        Label { text: form.fieldError("barcodes"); color: "#b3261e"; visible: text.length > 0; Layout.fillWidth: true; wrapMode: Text.Wrap }
        RowLayout {
            Button {
                id: createButton
                objectName: "createProduct"
                text: qsTr("Create (Ctrl+S)")
                highlighted: true
                enabled: !form.actions.working
                onClicked: form.save()
            }
            Button { text: qsTr("Close"); onClicked: form.closed() }
        }
        Item { Layout.fillHeight: true }
    }
}
