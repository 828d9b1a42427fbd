package io.convosowarehouse.load;

import static io.convosowarehouse.db.warehouse.Tables.ACCOUNT;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.convosowarehouse.config.AccountSettings;
import io.convosowarehouse.config.ScopeSelection;
import io.convosowarehouse.db.warehouse.Routines;

/** Finds or registers the warehouse.account row of a configured account. */
@Component
public class AccountDirectory {

    private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

    private final DSLContext dsl;
    private final Map<String, Short> ids = new ConcurrentHashMap<>();

    public AccountDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The account's id; registers it on first use and keeps its time zone current. */
    public short idOf(String accountName, ZoneId timeZone) {
        return ids.computeIfAbsent(accountName, name -> register(name, timeZone));
    }

    /** The time zone an account was loaded with, when it is in the warehouse. */
    public java.util.Optional<ZoneId> timeZoneOf(String accountName) {
        return dsl.select(ACCOUNT.TIME_ZONE)
                .from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_NAME.eq(accountName))
                .fetchOptional(ACCOUNT.TIME_ZONE)
                .map(ZoneId::of);
    }

    /**
     * The configured account of that name, else, for an account the warehouse holds but this configuration does not
     * name (the demo's, one loaded under another configuration), its name and the time zone it was loaded with: enough
     * to reload or re-derive it, not to poll it.
     */
    public java.util.Optional<AccountSettings> settingsOf(String accountName, java.util.List<AccountSettings> configured) {
        return configured.stream().filter(a -> a.name().equals(accountName)).findFirst()
                .or(() -> timeZoneOf(accountName).map(zone -> new AccountSettings(accountName, null, null, zone,
                        ScopeSelection.NONE, ScopeSelection.NONE)));
    }

    /** Each account in the warehouse with the time zone it was loaded with, by name. */
    public java.util.Map<String, ZoneId> timeZones() {
        java.util.Map<String, ZoneId> zones = new java.util.TreeMap<>();
        dsl.select(ACCOUNT.ACCOUNT_NAME, ACCOUNT.TIME_ZONE)
                .from(ACCOUNT)
                .forEach(account -> zones.put(account.value1(), ZoneId.of(account.value2())));
        return zones;
    }

    /** The names of the accounts in the warehouse, for messages. */
    public java.util.List<String> names() {
        return dsl.select(ACCOUNT.ACCOUNT_NAME).from(ACCOUNT).orderBy(ACCOUNT.ACCOUNT_NAME).fetch(ACCOUNT.ACCOUNT_NAME);
    }

    private short register(String name, ZoneId timeZone) {
        dsl.insertInto(ACCOUNT, ACCOUNT.ACCOUNT_NAME, ACCOUNT.TIME_ZONE)
                .values(name, timeZone.getId())
                .onConflict(ACCOUNT.ACCOUNT_NAME)
                .doNothing()
                .execute();
        var account = dsl.select(ACCOUNT.ACCOUNT_ID, ACCOUNT.TIME_ZONE)
                .from(ACCOUNT)
                .where(ACCOUNT.ACCOUNT_NAME.eq(name))
                .fetchSingle();
        if (!account.value2().equals(timeZone.getId())) {
            log.warn("account {} was loaded with time zone {} and is now configured with {}; earlier rows keep the old zone",
                    name, account.value2(), timeZone.getId());
            Routines.rezoneAccount(dsl.configuration(), account.value1(), timeZone.getId());
        }
        return account.value1();
    }
}
