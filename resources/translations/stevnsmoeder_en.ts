<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The access log is unbroken (%n events).</source>
        <translation>
            <numerusform>The access log is unbroken (%n event).</numerusform>
            <numerusform>The access log is unbroken (%n events).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events exported to %1</source>
        <translation>
            <numerusform>%n event exported to %1</numerusform>
            <numerusform>%n events exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectedWindow</name>
    <message numerus="yes">
        <source>The server refused %n change(s) made here: your text is kept under Conflicts.</source>
        <translation>
            <numerusform>The server refused %n change made here: your text is kept under Conflicts.</numerusform>
            <numerusform>The server refused %n changes made here: your text is kept under Conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer has not reached the server for more than %n day(s). Everything can be read, but nothing can be changed until it has been synchronised: connect to the network.</source>
        <translation>
            <numerusform>This computer has not reached the server for more than %n day. Everything can be read, but nothing can be changed until it has been synchronised: connect to the network.</numerusform>
            <numerusform>This computer has not reached the server for more than %n days. Everything can be read, but nothing can be changed until it has been synchronised: connect to the network.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilingDialog</name>
    <message numerus="yes">
        <source>%n document(s) filed in %1.</source>
        <translation>
            <numerusform>%n document filed in %1.</numerusform>
            <numerusform>%n documents filed in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <source>Wait %n seconds before you try again.</source>
        <translation>
            <numerusform>Wait %n second before you try again.</numerusform>
            <numerusform>Wait %n seconds before you try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingControl</name>
    <message numerus="yes">
        <source>%n items were not reached</source>
        <translation>
            <numerusform>%n item was not reached</numerusform>
            <numerusform>%n items were not reached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items go to the next meeting</source>
        <translation>
            <numerusform>%n item goes to the next meeting</numerusform>
            <numerusform>%n items go to the next meeting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message numerus="yes">
        <source>%n children&apos;s items have no legal basis and can only be discussed anonymously. Start anyway?</source>
        <translation>
            <numerusform>%n child&apos;s item has no legal basis and can only be discussed anonymously. Start anyway?</numerusform>
            <numerusform>%n children&apos;s items have no legal basis and can only be discussed anonymously. Start anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnlineSearchDialog</name>
    <message numerus="yes">
        <source>%n hit(s) on the server</source>
        <translation>
            <numerusform>%n hit on the server</numerusform>
            <numerusform>%n hits on the server</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningActions</name>
    <message numerus="yes">
        <source>%n meetings</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meetings written to %1</source>
        <translation>
            <numerusform>%n meeting written to %1</numerusform>
            <numerusform>%n meetings written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n hits</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message numerus="yes">
        <source>%n meetings</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnfiledSection</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message numerus="yes">
        <source>The database and %n backups have a new key.</source>
        <translation>
            <numerusform>The database and %n backup have a new key.</numerusform>
            <numerusform>The database and %n backups have a new key.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>case_view</name>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
</TS>
