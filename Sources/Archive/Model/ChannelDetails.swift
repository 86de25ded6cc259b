import Foundation

/// What a channel records beyond the common interaction fields.
public enum ChannelDetails: Sendable {
    case email
    case ticketComment(TicketComment)
    case call(CallDetails)
}

public struct TicketInfo: Sendable, Equatable {
    public var id: String
    public var subject: String
    public var status: String?
    public var priority: String?
    public var channel: String?
    public var tags: [String]
    public var requesterName: String?
    public var requesterEmail: String?
    public var requesterPhone: String?
    public var createdAt: Date?
    public var updatedAt: Date?

    public init(
        id: String, subject: String, status: String?, priority: String?, channel: String?, tags: [String],
        requesterName: String?, requesterEmail: String?, requesterPhone: String?, createdAt: Date?, updatedAt: Date?
    ) {
        self.id = id
        self.subject = subject
        self.status = status
        self.priority = priority
        self.channel = channel
        self.tags = tags
        self.requesterName = requesterName
        self.requesterEmail = requesterEmail
        self.requesterPhone = requesterPhone
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

public struct TicketComment: Sendable {
    public var ticket: TicketInfo
    /// 1-based position of the comment in its ticket.
    public var number: Int
    /// `end-user`, `agent` or what the export says.
    public var authorRole: String
    public var isPublic: Bool

    public init(ticket: TicketInfo, number: Int, authorRole: String, isPublic: Bool) {
        self.ticket = ticket
        self.number = number
        self.authorRole = authorRole
        self.isPublic = isPublic
    }
}

/// A recorded file beside an interaction (the audio stays where it is; its digest is kept).
public struct LinkedFile: Sendable, Equatable {
    public var path: String
    public var digest: ContentDigest

    public init(path: String, digest: ContentDigest) {
        self.path = path
        self.digest = digest
    }
}

public struct CallDetails: Sendable {
    public var caller: String
    public var callee: String
    public var callerName: String?
    public var disposition: String
    public var duration: Int
    public var billableSeconds: Int
    public var recording: LinkedFile?
    public var audioFormat: String?
    public var sampleRate: Int?
    public var channels: Int?
    public var audioSeconds: Double?
    public var transcript: LinkedFile?
    /// The recording's file name as the CDR gives it (its userfield), "" when it names none: a call
    /// archived before its recording or transcript existed gets them when they appear.
    public var mediaName: String

    public init(
        caller: String, callee: String, callerName: String?, disposition: String, duration: Int, billableSeconds: Int,
        recording: LinkedFile?, audioFormat: String?, sampleRate: Int?, channels: Int?, audioSeconds: Double?,
        transcript: LinkedFile?, mediaName: String = ""
    ) {
        self.caller = caller
        self.callee = callee
        self.callerName = callerName
        self.disposition = disposition
        self.duration = duration
        self.billableSeconds = billableSeconds
        self.recording = recording
        self.audioFormat = audioFormat
        self.sampleRate = sampleRate
        self.channels = channels
        self.audioSeconds = audioSeconds
        self.transcript = transcript
        self.mediaName = mediaName
    }
}
