import Archive
import Foundation
import Query
import Testing

/// Erasure asks the register about its subject alone; the answers must be those the whole
/// register gives.
@Suite final class ErasureRegisterTests {
    let fixture: PrivacyFixture

    init() throws { fixture = try PrivacyFixture() }
    deinit { fixture.remove() }

    @Test func theIdentifiersOnlyTheSubjectHoldsAreThoseTheWholeRegisterFinds() throws {
        let register = RegisterDirectory(customers: try fixture.store.allCustomerProfiles())
        for sourceID in [PrivacyFixture.maija, PrivacyFixture.pekka, PrivacyFixture.outi] {
            let id = try fixture.id(sourceID)
            #expect(try fixture.store.identifiersHeldOnly(byCustomer: id) == register.ownIdentifiers(of: id), "\(sourceID)")
        }
        // The household address is Pekka's too: not Maija's alone.
        let maija = try fixture.store.identifiersHeldOnly(byCustomer: try fixture.id(PrivacyFixture.maija)).map(\.value)
        #expect(!maija.contains("koti@virtanen.fi"))
        #expect(maija.contains("maija.virtanen@koti.fi"))
    }

    @Test func aNamesakeIsFoundWhateverTheCaseOfItsLetters() throws {
        _ = try fixture.store.write(customers: [
            PrivacyFixture.customer("C4", "ÄIJÄLÄ Öhman", [(.email, "aijala@example.fi")]),
            PrivacyFixture.customer("C5", "äijälä öhman", [(.email, "ohman@example.fi")]),
        ])
        let c4 = try fixture.id("C4")
        #expect(try fixture.store.anotherCustomer(isNamed: "Äijälä Öhman", except: c4))
        #expect(try !fixture.store.anotherCustomer(isNamed: "Outi Laine", except: try fixture.id(PrivacyFixture.outi)))
        #expect(try fixture.store.anotherCustomer(isNamed: "Outi Laine", except: c4))
    }
}
