package io.rdswatch.agent.drill.journal;

import java.time.Instant;

/**
 * The backup a drill restores: from the latest SUCCESS BACKUP_DB task of the source database (its
 * S3_object_arn and KMS_master_key_arn) or a configured s3Arn. A multi-file backup is restored from
 * its `*` prefix.
 *
 * @param backupTaskId null for a configured s3Arn
 * @param backupTime when the backup finished, null if unknown
 * @param differentialArn the latest later differential, or null
 */
public record SourceBackup(
    String s3Arn,
    String kmsKeyArn,
    Long backupTaskId,
    Instant backupTime,
    String differentialArn,
    String differentialKmsKeyArn,
    Instant differentialTime) {}
