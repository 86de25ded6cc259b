import Capture

extension ArchiveService {
    /// How each configured capture source is doing, as `arkisto sources status` shows it.
    func sourceStatuses() throws(OperationError) -> [SourceStatus] {
        do {
            return try SourceStatus.all(archive: store)
        } catch {
            throw .failed("\(error)")
        }
    }
}
