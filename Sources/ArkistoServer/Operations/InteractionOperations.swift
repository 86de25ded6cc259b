import Archive
import Foundation
import Ingest
import Query

/// One interaction in full, with the customers it is linked to.
struct InteractionRecord: Sendable {
    var content: InteractionContent
    var customers: [LinkedCustomer]
}

/// A file to download.
struct DownloadFile: Sendable {
    var filename: String
    var bytes: [UInt8]
}

extension ArchiveService {
    func interaction(id: Int64, by identity: Identity) throws(OperationError) -> InteractionRecord {
        guard let content = try archive({ () throws(ArchiveError) in try store.interactionContents(ids: [id]).first }) else {
            throw .notFound("no interaction \(id)")
        }
        let customers = try archive { () throws(ArchiveError) in try store.linkedCustomers(ofInteractions: [id])[id] ?? [] }
        try archive { () throws(ArchiveError) in
            try trail(identity).viewedInteraction(
                id: id, sourceRef: content.summary.sourceRef, customerIDs: customers.map(\.customerID))
        }
        return InteractionRecord(content: content, customers: customers)
    }

    /// An e-mail attachment's bytes, read back out of the archived original.
    func attachment(interactionID: Int64, index: Int, by identity: Identity) throws(OperationError) -> DownloadFile {
        guard let file = try archive({ () throws(ArchiveError) in
            try ArchivedAttachments(archive: store).file(interactionID: interactionID, index: index)
        }) else { throw .notFound("no stored attachment \(index) of interaction \(interactionID)") }
        try logDownload("attachment \(index) of interaction \(interactionID)", interactionID: interactionID, identity)
        // An attached message without a name saves as the .eml file it is.
        let unnamed = "liite-\(interactionID)-\(index)" + (file.attachment.contentType == "message/rfc822" ? ".eml" : "")
        return DownloadFile(filename: file.attachment.filename ?? unnamed, bytes: file.bytes)
    }

    /// A call's recording or transcript, read where the import found it and checked against its SHA-256.
    func callFile(interactionID: Int64, transcript: Bool, by identity: Identity) throws(OperationError) -> DownloadFile {
        guard let content = try archive({ () throws(ArchiveError) in try store.interactionContents(ids: [interactionID]).first }),
              let call = content.call,
              let path = transcript ? call.transcriptPath : call.recordingPath
        else { throw .notFound("no \(transcript ? "transcript" : "recording") for interaction \(interactionID)") }
        let bytes: [UInt8]
        do {
            bytes = try VerifiedFile.read(path: path, sha256: transcript ? call.transcriptSHA256 : call.recordingSHA256)
        } catch {
            switch error {
            case .missing: throw .notFound("the \(transcript ? "transcript" : "recording") file is no longer available")
            case .changed: throw .conflict("the \(transcript ? "transcript" : "recording") file has changed since it was archived")
            }
        }
        try logDownload("\(transcript ? "transcript" : "recording") of interaction \(interactionID)", interactionID: interactionID, identity)
        return DownloadFile(filename: (path as NSString).lastPathComponent, bytes: bytes)
    }

    private func logDownload(_ what: String, interactionID: Int64, _ identity: Identity) throws(OperationError) {
        try archive { () throws(ArchiveError) in
            let customers = try store.linkedCustomers(ofInteractions: [interactionID])[interactionID] ?? []
            try trail(identity).downloaded(what, customerIDs: customers.map(\.customerID))
        }
    }
}
