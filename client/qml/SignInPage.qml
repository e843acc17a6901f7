import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TossErp

Pane {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 380)
        spacing: 10

        Label {
            text: qsTr("Sign in to TossErp")
            font.pixelSize: 22
            Layout.bottomMargin: 8
        }
        Label { text: qsTr("Server address") }
        TextField {
            id: server
            objectName: "signInServer"
            Layout.fillWidth: true
            text: AppState.serverUrl
            placeholderText: "https://erp.example.com"
            KeyNavigation.tab: user
        }
        Label { text: qsTr("Username") }
        TextField {
            id: user
            objectName: "signInUser"
            Layout.fillWidth: true
            text: AppState.userName
            focus: true
            KeyNavigation.tab: password
        }
        Label { text: qsTr("Password") }
        TextField {
            id: password
            objectName: "signInPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            onAccepted: AppState.signIn(server.text, user.text, password.text)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: AppState.message
            color: "#b3261e"
            visible: text.length > 0
        }
        RowLayout {
            Button {
                text: qsTr("Sign in")
                highlighted: true
                enabled: !AppState.busy
                onClicked: AppState.signIn(server.text, user.text, password.text)
            }
            Button {
                text: qsTr("Work offline")
                enabled: AppState.productCount > 0
                onClicked: AppState.workOffline()
            }
        }
    }
}
