import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    function focusSearch() { search.forceActiveFocus() }

    ProductModel {
        id: products
        query: search.text
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 8
        TextField {
            id: search
            Layout.fillWidth: true
            placeholderText: qsTr("Search by name, SKU or barcode (Ctrl+F)")
            selectByMouse: true
        }
        Label {
            text: qsTr("%n product(s)", "", products.count)
            opacity: 0.7
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: products
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                width: ListView.view.width
                onClicked: {
                    editor.visible = true
                    editor.load(sku)
                }
                required property string sku
                required property string name
                required property string price
                required property string barcode
                required property bool pending
                contentItem: RowLayout {
                    Label { text: sku; Layout.preferredWidth: 140; font.family: "monospace" }
                    Label { text: name; Layout.fillWidth: true; elide: Text.ElideRight }
                    Label { text: barcode; Layout.preferredWidth: 140; opacity: 0.7 }
                    Label { text: price; Layout.preferredWidth: 110; horizontalAlignment: Text.AlignRight }
                    Label { text: pending ? qsTr("pending") : ""; Layout.preferredWidth: 60; color: "#8a5a00" }
                }
            }
        }
    }

    ProductForm {
        id: editor
        objectName: "productForm"
        visible: false
        Layout.preferredWidth: 340
        Layout.fillHeight: true
        onClosed: visible = false
    }
    }
}
