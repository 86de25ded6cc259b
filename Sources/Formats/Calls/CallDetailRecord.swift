import Foundation

/// One row of an Asterisk `Master.csv` (cdr_csv), fields in its column order. Text fields are as
/// written; times are converted from the PBX's local time to instants.
public struct CallDetailRecord: Sendable, Equatable {
    public var accountCode: String
    /// `src`: the caller's number as the PBX saw it.
    public var source: String
    /// `dst`: the number or extension dialled.
    public var destination: String
    /// `dcontext`: the dialplan context, e.g. `from-external`, `from-internal`.
    public var context: String
    /// `clid` as written, e.g. `"Markku Lindqvist" <0463010310>`.
    public var callerID: String
    /// The display name part of `clid`, nil when there is none.
    public var callerName: String?
    /// The number part of `clid` (inside `<...>`), nil when there is none.
    public var callerNumber: String?
    public var channel: String
    public var destinationChannel: String
    public var lastApplication: String
    public var lastData: String
    /// When the call started; nil when the field is empty.
    public var start: Date?
    /// When it was answered; nil for calls never answered (the field is empty).
    public var answer: Date?
    public var end: Date?
    /// Seconds from start to end.
    public var duration: Int
    /// Seconds from answer to end.
    public var billableSeconds: Int
    /// `ANSWERED`, `NO ANSWER`, `BUSY`, `FAILED`, `CONGESTION`.
    public var disposition: String
    /// `DOCUMENTATION`, `BILLING`, `OMIT`, ...
    public var amaFlags: String
    /// The call's unique id, e.g. `1741503120.6`.
    public var uniqueID: String
    /// Free text set by the dialplan; here the recording's file name, empty when there is none.
    public var userField: String

    public init(
        accountCode: String = "", source: String = "", destination: String = "", context: String = "",
        callerID: String = "", callerName: String? = nil, callerNumber: String? = nil, channel: String = "",
        destinationChannel: String = "", lastApplication: String = "", lastData: String = "", start: Date? = nil,
        answer: Date? = nil, end: Date? = nil, duration: Int = 0, billableSeconds: Int = 0, disposition: String = "",
        amaFlags: String = "", uniqueID: String, userField: String = ""
    ) {
        self.accountCode = accountCode
        self.source = source
        self.destination = destination
        self.context = context
        self.callerID = callerID
        self.callerName = callerName
        self.callerNumber = callerNumber
        self.channel = channel
        self.destinationChannel = destinationChannel
        self.lastApplication = lastApplication
        self.lastData = lastData
        self.start = start
        self.answer = answer
        self.end = end
        self.duration = duration
        self.billableSeconds = billableSeconds
        self.disposition = disposition
        self.amaFlags = amaFlags
        self.uniqueID = uniqueID
        self.userField = userField
    }
}
