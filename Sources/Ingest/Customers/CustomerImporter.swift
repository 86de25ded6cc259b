import Archive
import FinnishText
import Formats
import Foundation

/// Imports the customer register (JSON Lines or CSV). Identifiers are normalised the way
/// interactions' mentions are; a henkilötunnus is kept only as its keyed hash. A record with an
/// identifier that fails its check (Y-tunnus check digit, henkilötunnus check character, an
/// unreadable phone number or e-mail address) is quarantined with the reason, not half-imported;
/// its bytes are kept with anything shaped like a henkilötunnus masked (``PersonalIDMasking``).
///
/// When one import names the same customer (the same id, or the same customer number in a list
/// without an id column) more than once, the last record wins: the earlier ones are quarantined
/// as `superseded`, naming where the later one is. The winner is archived when the customer is
/// new, `updated` when it replaces a different stored record, and already present when the
/// stored record is the same, so an unchanged import run again archives and updates nothing.
public struct CustomerImporter: Sendable {
    public var archive: ArchiveStore
    public var personalIDKey: PersonalIDKey
    public var batchRecords = 1_000

    public init(archive: ArchiveStore, personalIDKey: PersonalIDKey) {
        self.archive = archive
        self.personalIDKey = personalIDKey
    }

    /// Where a record is among the import's files.
    struct RecordPlace: Equatable {
        var file: Int
        var path: String
        var offset: Int64
        var line: Int
    }

    public func run(paths: [String], progress: (ImportTally) -> Void = { _ in }) throws(ImportError) -> ImportTally {
        var readers: [CustomerListReader] = []
        for path in paths {
            do {
                readers.append(try CustomerListReader(path: path))
            } catch {
                throw .file(error)
            }
        }
        let run = try archiving { () throws(ArchiveError) in try archive.beginImportRun(sourceKind: "customers", arguments: paths) }
        let latest = lastRecords(readers)
        var tally = ImportTally()
        for (file, reader) in readers.enumerated() {
            let path = reader.path
            var customers: [NewCustomer] = []
            var rejected: [ImportItem] = []
            func flush() throws(ImportError) {
                let archived = try archiving { () throws(ArchiveError) in try archive.write(customers: customers) }
                let quarantined = try archiving { () throws(ArchiveError) in try archive.write(rejected, run: run) }
                (archived + quarantined).forEach { tally.add($0) }
                customers.removeAll(keepingCapacity: true)
                rejected.removeAll(keepingCapacity: true)
                progress(tally)
            }
            for record in reader {
                switch record.flatMap({ record in customer(from: record, path: path).map { (record, $0) } }) {
                case .success(let (record, customer)):
                    let place = RecordPlace(file: file, path: path, offset: record.byteOffset, line: record.line)
                    if let later = latest[customer.sourceID], later != place {
                        rejected.append(.quarantine(superseded(record, of: customer, at: place, by: later)))
                    } else {
                        customers.append(customer)
                    }
                case .failure(let error):
                    rejected.append(.quarantine(error.quarantineItem(keeping: PersonalIDMasking.masked(error.raw))))
                }
                if customers.count + rejected.count >= batchRecords { try flush() }
            }
            try flush()
        }
        _ = try archiving { () throws(ArchiveError) in try archive.refreshLinksIfStale() }
        try archiving { () throws(ArchiveError) in try archive.finishImportRun(run, tally: tally) }
        return tally
    }

    /// The last readable record of each customer in the import's files, by source id: a first
    /// pass, so that an earlier record of a customer given again is never written.
    private func lastRecords(_ readers: [CustomerListReader]) -> [String: RecordPlace] {
        var latest: [String: RecordPlace] = [:]
        for (file, reader) in readers.enumerated() {
            for case .success(let record) in reader {
                guard case .success(let customer) = customer(from: record, path: reader.path) else { continue }
                latest[customer.sourceID] = RecordPlace(
                    file: file, path: reader.path, offset: record.byteOffset, line: record.line)
            }
        }
        return latest
    }

    private func superseded(
        _ record: SourceRecord<CustomerRecord>, of customer: NewCustomer, at place: RecordPlace, by later: RecordPlace
    ) -> QuarantineItem {
        let position = SourcePosition(path: place.path, offset: place.offset)
        let location = later.file == place.file ? "line \(later.line)" : "line \(later.line) of \(later.path)"
        return QuarantineItem(
            position: position, reason: .superseded,
            detail: "line \(place.line): customer \(customer.sourceID) is given again at \(location); the later record wins",
            original: IncomingOriginal(bytes: PersonalIDMasking.masked(record.raw), position: position))
    }

    func customer(from record: SourceRecord<CustomerRecord>, path: String) -> Result<NewCustomer, RecordError> {
        let value = record.value
        func reject(_ reason: String) -> Result<NewCustomer, RecordError> {
            .failure(RecordError(path: path, line: record.line, byteOffset: record.byteOffset, raw: record.raw, reason: reason))
        }
        var identifiers: [CustomerIdentifier] = []
        for email in value.emails {
            guard let normalized = EmailAddress.normalized(email) else {
                return reject("customer \(value.sourceID): '\(email)' is not an e-mail address")
            }
            identifiers.append(CustomerIdentifier(kind: .email, value: normalized, written: email))
        }
        for phone in value.phones {
            guard let e164 = PhoneNumber.e164(phone) else {
                return reject("customer \(value.sourceID): '\(phone)' is not a phone number")
            }
            identifiers.append(CustomerIdentifier(kind: .phone, value: e164, written: phone))
        }
        if let written = value.customerNumber {
            guard let number = CustomerNumber(written) else {
                return reject("customer \(value.sourceID): '\(written)' is not a customer number")
            }
            identifiers.append(CustomerIdentifier(kind: .customerNumber, value: number.description, written: written))
        }
        if let written = value.businessID {
            guard let businessID = BusinessID(written) else {
                return reject("customer \(value.sourceID): Y-tunnus '\(written)' has a wrong check digit or form")
            }
            identifiers.append(CustomerIdentifier(kind: .businessID, value: businessID.description, written: written))
        }
        if let written = value.personalID {
            guard let code = PersonalIdentityCode(written) else {
                // The code itself is never repeated in a message or log.
                return reject("customer \(value.sourceID): the henkilötunnus fails its check character or date")
            }
            identifiers.append(CustomerIdentifier(kind: .personalID, value: personalIDKey.hash(code), written: nil))
        }
        let kind: Archive.CustomerKind = value.kind == .company ? .company : .person
        return .success(NewCustomer(
            sourceID: value.sourceID, kind: kind, name: value.name, address: value.address,
            marketingConsent: value.marketingConsent, identifiers: identifiers,
            position: SourcePosition(path: path, offset: record.byteOffset),
            recordDigest: personalIDKey.fingerprint(record.raw)))
    }
}
