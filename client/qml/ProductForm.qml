import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

// Edits one product; the change is queued (works offline) and merged per field at the next sync.
Frame {
    id: form
    property string sku: ""
    property var errors: ({})
    signal closed()

    function load(code) {
        const details = AppState.productDetails(code)
        sku = details.sku || ""
        name.text = details.name || ""
        price.text = details.price || ""
        currency.text = details.currency || ""
        active.checked = details.active !== false
        errors = {}
        status.text = details.pending ? qsTr("Changes of this product wait to sync.") : ""
        name.forceActiveFocus()
    }
    function save() {
        errors = AppState.saveProduct(sku, name.text, price.text, active.checked)
        if (Object.keys(errors).length === 0)
            status.text = qsTr("Saved; it goes to the server at the next sync.")
    }

    Shortcut { sequence: StandardKey.Save; enabled: form.visible; onActivated: form.save() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label { text: qsTr("Product %1").arg(form.sku); font.pixelSize: 16; font.bold: true }
        Label { text: qsTr("Name") }
        TextField {
            id: name
            objectName: "productName"
            Layout.fillWidth: true
            KeyNavigation.tab: price
        }
        Label { text: form.errors.name || ""; color: "#b3261e"; visible: text.length > 0 }
        Label { text: qsTr("Price") }
        RowLayout {
            TextField {
                id: price
                Layout.fillWidth: true
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                KeyNavigation.tab: active
            }
            Label { id: currency }
        }
        Label { text: form.errors.price || ""; color: "#b3261e"; visible: text.length > 0 }
        CheckBox { id: active; text: qsTr("Active (can be sold)"); KeyNavigation.tab: saveButton }
        RowLayout {
            Button { id: saveButton; text: qsTr("Save (Ctrl+S)"); highlighted: true; onClicked: form.save() }
            Button { text: qsTr("Close"); onClicked: form.closed() }
        }
        Label { id: status; Layout.fillWidth: true; wrapMode: Text.Wrap }
        Item { Layout.fillHeight: true }
    }
}
