import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import TossErp

Pane {
    Dashboard { id: figures }

    component Figure: Frame {
        id: figure
        property string title
        property string value
        Layout.fillWidth: true
        ColumnLayout {
            Label { text: figure.title; opacity: 0.7 }
            Label { text: figure.value; font.pixelSize: 22; font.bold: true }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        // A large replica takes a moment to sum: the last figures show meanwhile, marked.
        RowLayout {
            visible: !figures.ready
            BusyIndicator { running: !figures.ready; implicitWidth: 20; implicitHeight: 20 }
            Label {
                text: figures.asOf ? qsTr("Figures of %1; updating…").arg(figures.asOf) : qsTr("Summing up the stock…")
                opacity: 0.7
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            Figure { title: qsTr("Stock value"); value: figures.stockValue }
            Figure { title: qsTr("Below reorder point"); value: figures.belowReorder }
            Figure { title: qsTr("Products"); value: figures.productCount }
            Figure { title: qsTr("Movements today"); value: figures.movementsToday }
            Figure { title: qsTr("Orders today"); value: figures.ordersToday }
            Figure {
                title: qsTr("Sync")
                value: AppState.pendingCount === 0 ? qsTr("up to date") : qsTr("%n waiting", "", AppState.pendingCount)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12
            ChartView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Stock value per warehouse")
                legend.visible: false
                antialiasing: true
                BarSeries {
                    axisX: BarCategoryAxis { categories: figures.warehouseNames }
                    axisY: ValueAxis { min: 0; max: Math.max(1, figures.maxWarehouseValue * 1.15) }
                    BarSet { label: qsTr("Value"); values: figures.warehouseValues }
                }
            }
            ChartView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                title: qsTr("Most units on hand")
                legend.visible: false
                antialiasing: true
                HorizontalBarSeries {
                    axisY: BarCategoryAxis { categories: figures.topProducts }
                    axisX: ValueAxis { min: 0; max: Math.max(1, figures.maxUnits * 1.15) }
                    BarSet { label: qsTr("Units"); values: figures.topUnits }
                }
            }
        }
    }
}
