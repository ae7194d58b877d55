-- Issue 18, ADR 015: the audit log becomes an RFC 9162 Merkle tree with signed tree heads.
-- Appends take no lock; a sealer turns committed events into leaves in id order.

-- The hash chain (ADR 004) stays for the events it covers; new events carry no chain hashes.
ALTER TABLE "AuditEvent" ALTER COLUMN "prevHash" DROP NOT NULL;
ALTER TABLE "AuditEvent" ALTER COLUMN "hash" DROP NOT NULL;

-- Every audit id is handed out by this function, so the transaction has its id (xid) BEFORE
-- it holds a sequence value. The sealer's horizon depends on it (ADR 015): a transaction
-- that holds a value ≤ the sequence's last_value is then always visible to the sealer as
-- committed, aborted or listed in progress in its snapshot. PL/pgSQL runs the two in order.
CREATE FUNCTION galley_audit_next_id() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('"AuditEvent_id_seq"');
END $$;
ALTER TABLE "AuditEvent" ALTER COLUMN "id" SET DEFAULT galley_audit_next_id();
-- A cached sequence would let a session hand out values below last_value after the sealer
-- read it; CACHE 1 (the default) is required, and set here so nobody changes it unknowingly.
ALTER SEQUENCE "AuditEvent_id_seq" CACHE 1;

-- Leaf `index` of the tree is the event `eventId`. Written only by the sealer.
CREATE TABLE "AuditLeaf" (
    "index" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    CONSTRAINT "AuditLeaf_pkey" PRIMARY KEY ("index")
);
CREATE UNIQUE INDEX "AuditLeaf_eventId_key" ON "AuditLeaf"("eventId");
ALTER TABLE "AuditLeaf" ADD CONSTRAINT "AuditLeaf_eventId_fkey" FOREIGN KEY ("eventId")
  REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The hash of every complete, aligned subtree, stored when it is sealed: level L, index i
-- covers leaves [i·2^L, (i+1)·2^L); level 0 holds the leaf hashes. A proof reads O(log² n)
-- of these by primary key, whatever the size of the tree.
CREATE TABLE "AuditNode" (
    "level" SMALLINT NOT NULL,
    "index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "AuditNode_pkey" PRIMARY KEY ("level", "index")
);

-- Signed tree heads (galley-sth-v1), one per tree size the sealer reached.
CREATE TABLE "AuditTreeHead" (
    "treeSize" BIGINT NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "signature" TEXT NOT NULL,
    CONSTRAINT "AuditTreeHead_pkey" PRIMARY KEY ("treeSize")
);

-- The tree can only grow, like the events it is made of.
CREATE TRIGGER "AuditLeaf_append_only" BEFORE UPDATE OR DELETE ON "AuditLeaf"
  FOR EACH ROW EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "AuditLeaf_no_truncate" BEFORE TRUNCATE ON "AuditLeaf"
  FOR EACH STATEMENT EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "AuditNode_append_only" BEFORE UPDATE OR DELETE ON "AuditNode"
  FOR EACH ROW EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "AuditNode_no_truncate" BEFORE TRUNCATE ON "AuditNode"
  FOR EACH STATEMENT EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "AuditTreeHead_append_only" BEFORE UPDATE OR DELETE ON "AuditTreeHead"
  FOR EACH ROW EXECUTE FUNCTION galley_forbid_change();
CREATE TRIGGER "AuditTreeHead_no_truncate" BEFORE TRUNCATE ON "AuditTreeHead"
  FOR EACH STATEMENT EXECUTE FUNCTION galley_forbid_change();
