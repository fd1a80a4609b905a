package org.offstats.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small, hand-written reference files for unit tests, served from memory through a {@link
 * ReferenceData.Opener}. The rows follow EXTRACTS.md "Reference data": the Predatory Offenders Unit
 * is established 2020-11-01, and one historic unit (established before 2000) lets a test reach the
 * 2000-01-01 bound on its own. Outcome types are 1 to 22, so 23 is an unknown code.
 */
public final class InMemoryReference {
  public static final String OFFENCES =
      """
      offence_code,offence_name,offence_subgroup,offence_group,vawg
      19C,Rape of a female aged 16 and over,Rape,Sexual offences,Y
      8N,Assault with injury,Violence with injury,Violence against the person,N
      8L,Harassment,Stalking and harassment,Violence against the person,Y
      9A,"Public fear, alarm or distress",Public order offences,Public order offences,N
      """;

  public static final String OUTCOME_TYPES =
      """
      outcome_type,outcome_name,outcome_group
      1,Charged/Summonsed,Charged/Summonsed
      2,Caution - youth,Out-of-court (formal)
      3,Caution - adult,Out-of-court (formal)
      4,Taken into consideration,Taken into consideration
      5,Offender died,Prosecution prevented or not in the public interest
      6,Penalty Notice for Disorder,Out-of-court (formal)
      7,Cannabis/khat warning,Out-of-court (formal)
      8,Community resolution,Out-of-court (informal)
      9,Prosecution not in the public interest (CPS decision),Prosecution prevented or not in the public interest
      10,Formal action not in the public interest (police decision),Prosecution prevented or not in the public interest
      11,Prosecution prevented - under age,Prosecution prevented or not in the public interest
      12,Prosecution prevented - suspect too ill,Prosecution prevented or not in the public interest
      13,Prosecution prevented - victim or witness dead or too ill,Prosecution prevented or not in the public interest
      14,Evidential difficulties: suspect not identified; victim does not support action,Evidential difficulties (victim does not support action)
      15,Evidential difficulties: suspect identified; victim supports action,Evidential difficulties (suspect identified; victim supports action)
      16,Evidential difficulties: suspect identified; victim does not support action,Evidential difficulties (victim does not support action)
      17,Prosecution time limit expired,Prosecution prevented or not in the public interest
      18,Investigation complete - no suspect identified,Investigation complete - no suspect identified
      19,NFIB filed,Not sent to a force for investigation (NFIB fraud)
      20,Action by another body,Responsibility for further investigation transferred to another body
      21,Further investigation not in the public interest,Further investigation not in the public interest
      22,"Diversionary, educational or intervention activity","Diversionary, educational or intervention activity"
      """;

  public static final String UNITS =
      """
      unit_code,unit_name,unit_type,established
      POU-CE,Central East Predatory Offenders Unit,POU,2020-11-01
      CID-CE,Central East Criminal Investigation Department,CID,2018-04-01
      HIST,Historic Unit,TSG,1990-01-01
      """;

  public static final String BCUS =
      """
      bcu_code,bcu_name,borough_code,borough_name
      CE,Central East,E09000012,Hackney
      CE,Central East,E09000030,Tower Hamlets
      NW,North West,E09000003,Barnet
      """;

  private InMemoryReference() {}

  /** The four files above, by reference name. */
  public static Map<String, String> standardFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("offences", OFFENCES);
    files.put("outcome_types", OUTCOME_TYPES);
    files.put("units", UNITS);
    files.put("bcus", BCUS);
    return files;
  }

  public static ReferenceData standard() {
    try {
      return ReferenceData.load(opener(standardFiles()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves {@code files} (reference name to CSV text) as {@code reference/<name>.csv}. */
  public static ReferenceData.Opener opener(Map<String, String> files) {
    return new ReferenceData.Opener() {
      @Override
      public InputStream open(String referenceName) throws IOException {
        String text = files.get(referenceName);
        if (text == null) {
          throw new IOException("no in-memory reference file " + referenceName);
        }
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public String describe(String referenceName) {
        return "reference/" + referenceName + ".csv";
      }
    };
  }
}
