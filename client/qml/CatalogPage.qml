import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TossErp

Pane {
    id: page
    readonly property bool canWrite: AppState.permissions.indexOf("catalog.write") >= 0
    function focusSearch() { search.forceActiveFocus() }
    function newProduct() {
        if (!canWrite)
            return
        editor.visible = false
        creator.visible = true
        creator.start()
    }

    CatalogActions { id: actions; objectName: "catalogActions" }

    Shortcut { sequence: StandardKey.New; enabled: page.visible; onActivated: page.newProduct() }

    FileDialog {
        id: importDialog
        title: qsTr("Import products from CSV")
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: actions.importCsv(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export products to CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: actions.exportCsv(selectedFile)
    }
    Dialog {
        id: categoryDialog
        title: qsTr("New category")
        anchors.centerIn: parent
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: { categoryName.text = ""; categoryName.forceActiveFocus() }
        onAccepted: actions.createCategory(categoryName.text)
        TextField {
            id: categoryName
            width: 280
            placeholderText: qsTr("Name")
            onAccepted: categoryDialog.accept()
        }
    }

    ProductModel {
        id: products
        query: search.text
        sort: ["", "sku", "name"][sortBox.currentIndex]
        categoryId: categoryBox.chosen
    }

    RowLayout {
        anchors.fill: parent
        spacing: 12

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 8
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "catalogSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search by name, SKU or barcode (Ctrl+F)")
                selectByMouse: true
                KeyNavigation.tab: sortBox
            }
            ComboBox {
                id: sortBox
                objectName: "catalogSort"
                model: [qsTr("Newest last"), qsTr("By SKU"), qsTr("By name")]
                KeyNavigation.tab: categoryBox
            }
            ComboBox {
                id: categoryBox
                objectName: "catalogCategory"
                // The chosen category by id: the list is rebuilt when categories arrive.
                property var chosen: 0
                textRole: "label"
                valueRole: "id"
                model: [{ id: 0, label: qsTr("All categories") }].concat(actions.categories)
                onActivated: chosen = currentValue
                onModelChanged: Qt.callLater(() => currentIndex = Math.max(0, indexOfValue(chosen)))
            }
            Button {
                text: qsTr("New product (Ctrl+N)")
                visible: page.canWrite
                onClicked: page.newProduct()
            }
            Button {
                text: qsTr("New category")
                visible: page.canWrite
                onClicked: categoryDialog.open()
            }
            Button {
                text: qsTr("Import CSV…")
                visible: page.canWrite
                enabled: !actions.working
                onClicked: importDialog.open()
            }
            Button {
                text: qsTr("Export CSV…")
                enabled: !actions.working
                onClicked: exportDialog.open()
            }
        }
        // Import and export: progress while they run, then what happened and each refused row.
        Frame {
            Layout.fillWidth: true
            visible: actions.message.length > 0
            ColumnLayout {
                anchors.fill: parent
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        objectName: "catalogMessage"
                        text: actions.message
                        color: actions.failed ? "#b3261e" : palette.windowText
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        visible: actions.working && actions.progressTotal > 0
                        text: qsTr("%1 of %2").arg(actions.progressDone).arg(actions.progressTotal)
                    }
                }
                ProgressBar {
                    Layout.fillWidth: true
                    visible: actions.working
                    indeterminate: actions.progressTotal === 0
                    from: 0
                    to: Math.max(1, actions.progressTotal)
                    value: actions.progressDone
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, 120)
                    visible: actions.rejected.length > 0
                    clip: true
                    model: actions.rejected
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Label {
                        required property string modelData
                        text: modelData
                        color: "#b3261e"
                        width: ListView.view.width
                        elide: Text.ElideRight
                    }
                }
            }
        }
        Label {
            text: products.count >= products.limit ? qsTr("The first %1 shown; search to narrow").arg(products.limit)
                                                   : qsTr("%n product(s)", "", products.count)
            opacity: 0.7
        }
        ListView {
            id: list
            objectName: "catalogList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: products
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                width: ListView.view.width
                onClicked: {
                    creator.visible = false
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

    NewProductForm {
        id: creator
        objectName: "newProductForm"
        actions: actions
        visible: false
        Layout.preferredWidth: 340
        Layout.fillHeight: true
        onClosed: visible = false
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
