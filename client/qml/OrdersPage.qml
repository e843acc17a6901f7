import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

// Orders live on the server: this page reads and acts online, and says so when it cannot.
Pane {
    id: page
    OrderModel { id: orders }
    property var selected: null
    // What the role may not do is not offered (the server still checks).
    readonly property bool mayWrite: AppState.permissions.indexOf("orders.write") >= 0
    readonly property bool mayRefund: AppState.permissions.indexOf("payments.refund") >= 0

    function reload() { orders.refresh() }
    Component.onCompleted: if (AppState.signedIn) reload()

    RowLayout {
        anchors.fill: parent
        spacing: 16

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            RowLayout {
                Label { text: qsTr("Orders"); font.pixelSize: 18; Layout.fillWidth: true }
                BusyIndicator { running: orders.loading; implicitWidth: 24; implicitHeight: 24 }
                Button { text: qsTr("Refresh"); onClicked: page.reload() }
            }
            Label {
                text: orders.message
                visible: orders.message !== ""
                color: orders.failed ? "#b3261e" : palette.windowText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("No orders yet.")
                visible: orders.count === 0 && !orders.loading && !orders.failed
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: orders
                spacing: 4
                keyNavigationEnabled: true
                delegate: ItemDelegate {
                    width: ListView.view.width
                    required property int index
                    required property var orderId
                    required property string customer
                    required property string state
                    required property string reason
                    required property string gross
                    required property string summary
                    required property var paymentId
                    required property string paymentState
                    required property string refundable
                    highlighted: ListView.isCurrentItem
                    onClicked: {
                        list.currentIndex = index
                        page.selected = { orderId: orderId, state: state, paymentId: paymentId,
                                          paymentState: paymentState, refundable: refundable }
                    }
                    contentItem: GridLayout {
                        columns: 4
                        Label { text: qsTr("Order %1").arg(orderId); font.bold: true }
                        Label { text: customer; Layout.fillWidth: true; elide: Text.ElideRight }
                        Label { text: gross }
                        Label { text: state; font.bold: true }
                        Label {
                            text: summary + (reason ? " · " + reason : "")
                                  + (paymentState ? " · " + qsTr("payment %1").arg(paymentState) : "")
                            Layout.columnSpan: 4
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            opacity: 0.8
                        }
                    }
                }
            }
        }

        Label {
            visible: !page.mayWrite && !page.mayRefund
            text: qsTr("Your role may look at orders, not change them.")
            Layout.preferredWidth: 340
            Layout.alignment: Qt.AlignTop
            wrapMode: Text.Wrap
        }
        ColumnLayout {
            visible: page.mayWrite || page.mayRefund
            Layout.preferredWidth: 340
            Layout.maximumWidth: 340
            Layout.fillHeight: true
            Label { text: qsTr("New order"); font.pixelSize: 16; visible: placeButton.visible }
            ComboBox {
                id: customer
                visible: placeButton.visible
                Layout.fillWidth: true
                model: orders.customers
                textRole: "label"
                valueRole: "id"
                displayText: currentIndex < 0 ? qsTr("Customer") : currentText
                Accessible.name: qsTr("Customer")
            }
            ComboBox {
                id: warehouse
                visible: placeButton.visible
                Layout.fillWidth: true
                model: AppState.warehouses()
                textRole: "label"
                valueRole: "id"
                Accessible.name: qsTr("Warehouse")
            }
            TextField {
                id: product
                visible: placeButton.visible
                Layout.fillWidth: true
                placeholderText: qsTr("Product: scan or type SKU or barcode")
                onAccepted: quantity.forceActiveFocus()
            }
            TextField {
                id: quantity
                visible: placeButton.visible
                Layout.fillWidth: true
                placeholderText: qsTr("Quantity")
                text: "1"
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                onAccepted: placeButton.clicked()
            }
            Button {
                id: placeButton
                visible: page.mayWrite
                text: qsTr("Place order")
                enabled: !orders.loading && product.text !== ""
                onClicked: orders.createAndPlace(customer.currentValue || 0, warehouse.currentValue || 0,
                                                 product.text, quantity.text)
            }

            Label {
                text: page.selected ? qsTr("Order %1").arg(page.selected.orderId) : qsTr("Select an order")
                font.pixelSize: 16
                Layout.topMargin: 16
            }
            TextField {
                id: reason
                visible: page.mayWrite
                Layout.fillWidth: true
                placeholderText: qsTr("Why it is cancelled")
                enabled: page.selected && ["draft", "placed", "reserved"].indexOf(page.selected.state) >= 0
            }
            Button {
                visible: reason.visible
                text: qsTr("Cancel order")
                enabled: reason.enabled && reason.text !== "" && !orders.loading
                onClicked: orders.cancel(page.selected.orderId, reason.text)
            }
            TextField {
                id: refundAmount
                visible: page.mayRefund
                Layout.fillWidth: true
                placeholderText: page.selected && page.selected.refundable
                                 ? qsTr("Refund up to %1").arg(page.selected.refundable) : qsTr("Refund amount")
                enabled: page.selected && (page.selected.paymentState === "captured"
                                           || page.selected.paymentState === "partially_refunded")
            }
            Button {
                visible: refundAmount.visible
                text: qsTr("Refund")
                enabled: refundAmount.enabled && refundAmount.text !== "" && !orders.loading
                onClicked: orders.refund(page.selected.paymentId, refundAmount.text)
            }
            Item { Layout.fillHeight: true }
        }
    }
}
